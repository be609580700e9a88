import Foundation
import Testing
import FrontlineCore

@Suite struct BusinessCalendarValidationTests {
    @Test func standardCalendarsAreValid() throws {
        try BusinessCalendar.always.validate()
        try BusinessCalendar.mondayToFriday(
            [hours("09:00", "12:00"), hours("13:00", "17:00")], timeZoneIdentifier: "America/New_York",
            holidays: [Holiday(date: "2024-02-29")]
        ).validate()
    }

    @Test func crossingMidnightIsRefusedWithAPreciseMessage() {
        let calendar = BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            weeklyHours: [.friday: [OpeningInterval(startMinute: 22 * 60, endMinute: 6 * 60)]])
        #expect(throws: BusinessCalendarError.intervalCrossesMidnight(.friday, hours("22:00", "06:00"))) {
            try calendar.validate()
        }
        do {
            try calendar.validate()
        } catch {
            #expect(error.description == "Friday 22:00–06:00 crosses midnight; end it at 24:00 and open the next day at 00:00.")
        }
    }

    @Test(arguments: [
        (BusinessCalendar(timeZoneIdentifier: "Europe/Berlinn", weeklyHours: [:]),
         BusinessCalendarError.unknownTimeZone("Europe/Berlinn")),
        (BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [.monday: [hours("09:00", "09:00")]]),
         .emptyInterval(.monday, hours("09:00", "09:00"))),
        (BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [.tuesday: [OpeningInterval(startMinute: -30, endMinute: 60)]]),
         .intervalOutOfRange(.tuesday, OpeningInterval(startMinute: -30, endMinute: 60))),
        (BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [.sunday: [hours("13:00", "17:00"), hours("09:00", "13:30")]]),
         .overlappingIntervals(.sunday, hours("09:00", "13:30"), hours("13:00", "17:00"))),
        (BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [:], holidays: [Holiday(date: "2025-02-29")]),
         .badHolidayDate("2025-02-29")),
        (BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [:], holidays: [Holiday(date: "25-12-2025")]),
         .badHolidayDate("25-12-2025")),
    ])
    func invalidCalendarsAreRefused(calendar: BusinessCalendar, expected: BusinessCalendarError) {
        #expect(throws: expected) { try calendar.validate() }
    }

    @Test func touchingIntervalsAreNotOverlapping() throws {
        try BusinessCalendar(
            timeZoneIdentifier: "UTC", weeklyHours: [.monday: [hours("09:00", "12:00"), hours("12:00", "17:00")]]
        ).validate()
    }

    @Test(arguments: ["9:00", "24:01", "12:60", "ab:cd", "12-00", ""])
    func badClockTimesAreRefused(text: String) {
        #expect(throws: BusinessCalendarError.badClockTime(text)) { try OpeningInterval(from: text, to: "17:00") }
    }

    @Test func calendarWithNoHoursNeverOpensAndNeverLoops() {
        let closed = BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", weeklyHours: [.monday: []])
        let start = at("2025-01-06T10:00:00+01:00")
        #expect(closed.nextOpening(after: start) == nil)
        #expect(closed.addingBusinessTime(hour, to: start) == .distantFuture)
        #expect(closed.businessTime(from: start, to: start.addingTimeInterval(1000 * 24 * hour)) == 0)
        #expect(!closed.isOpen(at: start))
    }

    @Test func decodesAndEncodesSnakeCaseJSON() throws {
        let json = """
        {"time_zone": "Europe/Berlin",
         "weekly_hours": {"monday": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "24:00"}]},
         "holidays": [{"date": "2025-12-25", "recurs_yearly": true, "name": "Christmas Day"}]}
        """
        let calendar = try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        #expect(calendar == BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            weeklyHours: [.monday: [hours("09:00", "12:00"), hours("13:00", "24:00")]],
            holidays: [Holiday(date: "2025-12-25", recursYearly: true, name: "Christmas Day")]))
        let again = try JSONDecoder().decode(BusinessCalendar.self, from: JSONEncoder().encode(calendar))
        #expect(again == calendar)
        let text = String(decoding: try JSONEncoder().encode(calendar.weeklyHours[.monday]![1]), as: UTF8.self)
        #expect(text.contains("\"end\":\"24:00\""))
    }
}
