import Foundation
import Testing
import FrontlineCore

/// Spring-forward gaps and fall-back repeats. Dates used:
/// Berlin 2025-03-30 02:00→03:00 and 2025-10-26 03:00→02:00; New York 2025-03-09 02:00→03:00 and
/// 2025-11-02 02:00→01:00; Lord Howe (half-hour DST) 2025-04-06 02:00→01:30 and 2025-10-05 02:00→02:30.
@Suite struct BusinessCalendarDaylightSavingTests {
    static func roundTheClock(_ zone: String) -> BusinessCalendar {
        .everyDay([hours("00:00", "24:00")], timeZoneIdentifier: zone)
    }

    @Test(arguments: [
        ("Europe/Berlin", "2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00+02:00", 23 * hour),
        ("Europe/Berlin", "2025-10-26T00:00:00+02:00", "2025-10-27T00:00:00+01:00", 25 * hour),
        ("America/New_York", "2025-03-09T00:00:00-05:00", "2025-03-10T00:00:00-04:00", 23 * hour),
        ("America/New_York", "2025-11-02T00:00:00-04:00", "2025-11-03T00:00:00-05:00", 25 * hour),
        ("Australia/Lord_Howe", "2025-10-05T00:00:00+10:30", "2025-10-06T00:00:00+11:00", 23.5 * hour),
        ("Australia/Lord_Howe", "2025-04-06T00:00:00+11:00", "2025-04-07T00:00:00+10:30", 24.5 * hour),
    ])
    func roundTheClockCountsRealTimeOnTransitionDays(zone: String, start: String, end: String, expected: TimeInterval) {
        let calendar = Self.roundTheClock(zone)
        #expect(calendar.businessTime(from: at(start), to: at(end)) == expected)
        #expect(calendar.addingBusinessTime(expected, to: at(start)) == at(end))
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"])
    func roundTheClockAddsRealTimeAcrossAYear(zone: String) {
        let calendar = Self.roundTheClock(zone)
        let start = at("2025-01-01T12:34:56Z")
        #expect(calendar.addingBusinessTime(365 * 24 * hour, to: start) == start.addingTimeInterval(365 * 24 * hour))
        #expect(calendar.businessTime(from: start, to: start.addingTimeInterval(200 * 24 * hour)) == 200 * 24 * hour)
    }

    @Test func springForwardGapIsNeverOpen() {
        let calendar = BusinessCalendar.everyDay([hours("01:00", "04:00")], timeZoneIdentifier: "Europe/Berlin")
        // 01:00–02:00 CET, then the clock jumps to 03:00 CEST: 03:00–04:00. Two real hours.
        #expect(calendar.businessTime(from: at("2025-03-30T00:00:00+01:00"), to: at("2025-03-31T00:00:00+02:00")) == 2 * hour)
        #expect(calendar.addingBusinessTime(90 * minute, to: at("2025-03-30T01:00:00+01:00")) == at("2025-03-30T03:30:00+02:00"))
        #expect(calendar.isOpen(at: at("2025-03-30T00:59:59Z")))  // 01:59:59 CET
        #expect(calendar.isOpen(at: at("2025-03-30T01:00:00Z")))  // 03:00 CEST
    }

    @Test func fallBackRepeatIsOpenTwice() {
        let calendar = BusinessCalendar.everyDay([hours("01:00", "04:00")], timeZoneIdentifier: "Europe/Berlin")
        // 01:00–03:00 CEST, then 02:00–04:00 CET: the wall clock shows an open time for four real hours.
        #expect(calendar.businessTime(from: at("2025-10-26T00:00:00+02:00"), to: at("2025-10-27T00:00:00+01:00")) == 4 * hour)
        #expect(calendar.addingBusinessTime(3 * hour, to: at("2025-10-26T01:00:00+02:00")) == at("2025-10-26T03:00:00+01:00"))
        #expect(calendar.isOpen(at: at("2025-10-26T02:30:00+02:00")))
        #expect(calendar.isOpen(at: at("2025-10-26T02:30:00+01:00")))
        // Measuring up to the middle of the repeat counts both pieces: 2h CEST + 0.5h CET.
        #expect(calendar.businessTime(from: at("2025-10-25T12:00:00Z"), to: at("2025-10-26T01:30:00Z")) == 2.5 * hour)
    }

    @Test func repeatedHourBeforeOpeningDoesNotOpenEarly() {
        let calendar = BusinessCalendar.everyDay([hours("02:30", "05:00")], timeZoneIdentifier: "America/New_York")
        // 01:00–02:00 EDT repeats as 01:00–02:00 EST; 02:30 happens once, at 07:30Z.
        #expect(calendar.nextOpening(after: at("2025-11-02T01:30:00-04:00")) == at("2025-11-02T02:30:00-05:00"))
        #expect(calendar.businessTime(from: at("2025-11-02T00:00:00-04:00"), to: at("2025-11-03T00:00:00-05:00")) == 2.5 * hour)
    }

    @Test func officeHoursAcrossTheSpringWeekend() {
        let office = BusinessCalendar.mondayToFriday([hours("09:00", "17:00")], timeZoneIdentifier: "Europe/Berlin")
        // Friday 16:00 CET + 2h = Monday 10:00 CEST: only 7 real hours after the weekend's offset change.
        #expect(office.addingBusinessTime(2 * hour, to: at("2025-03-28T16:00:00+01:00")) == at("2025-03-31T10:00:00+02:00"))
        #expect(office.businessTime(from: at("2025-03-24T00:00:00+01:00"), to: at("2025-04-07T00:00:00+02:00")) == 80 * hour)
        #expect(office.isOpen(at: at("2025-03-31T07:00:00Z")))  // 09:00 CEST
        #expect(!office.isOpen(at: at("2025-03-31T06:30:00Z")))  // 08:30 CEST
    }

    @Test func officeHoursOnNewYorkFallBackWeek() {
        let office = BusinessCalendar.mondayToFriday([hours("08:00", "18:00")], timeZoneIdentifier: "America/New_York")
        #expect(office.addingBusinessTime(3 * hour, to: at("2025-10-31T17:00:00-04:00")) == at("2025-11-03T10:00:00-05:00"))
        #expect(office.nextOpening(after: at("2025-11-01T12:00:00-04:00")) == at("2025-11-03T08:00:00-05:00"))
    }

    /// Adding then measuring gives back the amount, from starts all around the Berlin transitions.
    @Test func addingAndMeasuringAgree() {
        let calendar = BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            weeklyHours: [
                .monday: [hours("08:00", "12:00"), hours("13:00", "17:30")],
                .wednesday: [hours("00:00", "03:30")],
                .saturday: [hours("10:00", "14:00")],
                .sunday: [hours("01:30", "02:45"), hours("22:00", "24:00")],
            ],
            holidays: [Holiday(date: "2025-10-27")])
        var seed: UInt64 = 42
        func next(_ bound: Double) -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53) * bound
        }
        for base in ["2025-03-27T00:00:00Z", "2025-10-23T00:00:00Z"] {
            for _ in 0..<200 {
                let start = at(base).addingTimeInterval((next(6 * 24 * 3600)).rounded())
                let amount = (next(30 * hour)).rounded()
                let end = calendar.addingBusinessTime(amount, to: start)
                #expect(calendar.businessTime(from: start, to: end) == amount, "\(start) + \(amount) -> \(end)")
            }
        }
    }
}
