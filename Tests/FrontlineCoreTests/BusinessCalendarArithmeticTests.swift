import Foundation
import Testing
import FrontlineCore

/// Weekdays, weekends, split days, holidays, in Berlin winter time (UTC+1) unless stated.
@Suite struct BusinessCalendarArithmeticTests {
    let office = BusinessCalendar.mondayToFriday([hours("09:00", "17:00")], timeZoneIdentifier: "Europe/Berlin")
    let split = BusinessCalendar.mondayToFriday(
        [hours("09:00", "12:00"), hours("13:00", "17:00")], timeZoneIdentifier: "Europe/Berlin")

    @Test(arguments: [
        ("2025-01-06T09:00:00+01:00", 8 * hour, "2025-01-06T17:00:00+01:00"),  // ends at closing, not next opening
        ("2025-01-06T09:00:00+01:00", 9 * hour, "2025-01-07T10:00:00+01:00"),
        ("2025-01-06T09:00:00+01:00", 40 * hour, "2025-01-10T17:00:00+01:00"),
        ("2025-01-10T16:30:00+01:00", 1 * hour, "2025-01-13T09:30:00+01:00"),  // over the weekend
        ("2025-01-06T07:00:00+01:00", 1 * hour, "2025-01-06T10:00:00+01:00"),  // before opening
        ("2025-01-11T12:00:00+01:00", 30 * minute, "2025-01-13T09:30:00+01:00"),  // from Saturday
        ("2025-01-06T18:00:00+01:00", 1, "2025-01-07T09:00:01+01:00"),
    ])
    func addingOfficeHours(start: String, amount: TimeInterval, expected: String) {
        #expect(office.addingBusinessTime(amount, to: at(start)) == at(expected))
    }

    @Test func nonPositiveAmountReturnsStart() {
        let saturday = at("2025-01-11T12:00:00+01:00")
        #expect(office.addingBusinessTime(0, to: saturday) == saturday)
        #expect(office.addingBusinessTime(-hour, to: saturday) == saturday)
    }

    @Test func splitDaySkipsLunch() {
        #expect(split.addingBusinessTime(hour, to: at("2025-01-06T11:30:00+01:00")) == at("2025-01-06T13:30:00+01:00"))
        #expect(split.addingBusinessTime(3 * hour, to: at("2025-01-06T09:00:00+01:00")) == at("2025-01-06T12:00:00+01:00"))
        #expect(split.businessTime(from: at("2025-01-06T00:00:00+01:00"), to: at("2025-01-07T00:00:00+01:00")) == 7 * hour)
        #expect(split.businessTime(from: at("2025-01-06T11:00:00+01:00"), to: at("2025-01-06T14:00:00+01:00")) == 2 * hour)
        #expect(!split.isOpen(at: at("2025-01-06T12:30:00+01:00")))
        #expect(split.nextOpening(after: at("2025-01-06T12:30:00+01:00")) == at("2025-01-06T13:00:00+01:00"))
    }

    @Test func businessTimeOverAWeek() {
        #expect(office.businessTime(from: at("2025-01-06T00:00:00+01:00"), to: at("2025-01-13T00:00:00+01:00")) == 40 * hour)
        #expect(office.businessTime(from: at("2025-01-10T16:00:00+01:00"), to: at("2025-01-13T10:00:00+01:00")) == 2 * hour)
        #expect(office.businessTime(from: at("2025-01-11T08:00:00+01:00"), to: at("2025-01-12T20:00:00+01:00")) == 0)
    }

    @Test func businessTimeIsZeroWhenEndIsNotAfterStart() {
        let monday = at("2025-01-06T10:00:00+01:00")
        #expect(office.businessTime(from: monday, to: monday) == 0)
        #expect(office.businessTime(from: monday, to: monday.addingTimeInterval(-hour)) == 0)
    }

    @Test(arguments: [
        ("2025-01-06T08:59:59+01:00", false),
        ("2025-01-06T09:00:00+01:00", true),
        ("2025-01-06T16:59:59+01:00", true),
        ("2025-01-06T17:00:00+01:00", false),
        ("2025-01-11T10:00:00+01:00", false),  // Saturday
        ("2025-01-06T08:30:00+00:00", true),  // 09:30 in Berlin
    ])
    func isOpen(instant: String, open: Bool) {
        #expect(office.isOpen(at: at(instant)) == open)
    }

    @Test func nextOpening() {
        let open = at("2025-01-06T10:00:00+01:00")
        #expect(office.nextOpening(after: open) == open)
        #expect(office.nextOpening(after: at("2025-01-10T18:00:00+01:00")) == at("2025-01-13T09:00:00+01:00"))
        #expect(office.nextOpening(after: at("2025-01-06T17:00:00+01:00")) == at("2025-01-07T09:00:00+01:00"))
    }

    @Test func fixedHolidayIsSkipped() {
        var calendar = office
        calendar.holidays = [Holiday(date: "2025-01-06", name: "Epiphany")]
        #expect(calendar.addingBusinessTime(2 * hour, to: at("2025-01-03T16:00:00+01:00")) == at("2025-01-07T10:00:00+01:00"))
        #expect(!calendar.isOpen(at: at("2025-01-06T10:00:00+01:00")))
        #expect(calendar.isOpen(at: at("2026-01-06T10:00:00+01:00")))  // a one-off, not every year
        #expect(calendar.nextOpening(after: at("2025-01-06T10:00:00+01:00")) == at("2025-01-07T09:00:00+01:00"))
    }

    @Test func yearlyHolidayClosesEveryYear() {
        var calendar = office
        calendar.holidays = [Holiday(date: "2000-12-25", recursYearly: true, name: "Christmas Day")]
        #expect(!calendar.isOpen(at: at("2025-12-25T10:00:00+01:00")))
        #expect(!calendar.isOpen(at: at("2026-12-25T10:00:00+01:00")))
        #expect(calendar.isOpen(at: at("2025-12-24T10:00:00+01:00")))
        // Wednesday 24th 16:00 + 2h: 1h on the 24th, Christmas closed, 1h on Friday 26th.
        #expect(calendar.addingBusinessTime(2 * hour, to: at("2025-12-24T16:00:00+01:00")) == at("2025-12-26T10:00:00+01:00"))
    }

    @Test func alwaysIsPlainElapsedTime() {
        let start = at("2025-03-29T22:15:00Z")
        #expect(BusinessCalendar.always.addingBusinessTime(50 * hour, to: start) == start.addingTimeInterval(50 * hour))
        #expect(BusinessCalendar.always.businessTime(from: start, to: start.addingTimeInterval(1234.5)) == 1234.5)
        #expect(BusinessCalendar.always.isOpen(at: start))
    }

    @Test func addingManyHoursWalksByIntervals() {
        // 2,000 business hours is 50 working weeks; walking minute by minute would be ~500,000 steps.
        let clock = ContinuousClock()
        var result = Date.distantPast
        let elapsed = clock.measure {
            result = office.addingBusinessTime(2_000 * hour, to: at("2025-01-06T09:00:00+01:00"))
        }
        #expect(result == at("2025-12-19T17:00:00+01:00"))
        #expect(elapsed < .seconds(1))
    }

    @Test func workingDaysCountsOpenNonHolidayDates() {
        var calendar = office
        calendar.holidays = [Holiday(date: "2025-01-06")]
        #expect(calendar.workingDays(from: at("2025-01-01T00:00:00+01:00"), to: at("2025-02-01T00:00:00+01:00")) == 22)
        #expect(calendar.workingDays(from: at("2025-01-11T00:00:00+01:00"), to: at("2025-01-13T00:00:00+01:00")) == 0)
    }
}
