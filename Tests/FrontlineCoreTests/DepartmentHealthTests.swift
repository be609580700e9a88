import Foundation
import Testing
import FrontlineCore

@Suite struct DepartmentHealthTests {
    @Test(arguments: [
        (DutyCadence.daily, 5.0), (.weekly, 1.0), (.monthly, 12.0 / 52.0),
    ])
    func cadenceNormalisation(cadence: DutyCadence, perWeek: Double) {
        #expect(cadence.occurrencesPerWeek() == perWeek)
    }

    @Test func adHocIsOccurrencesOverWeeks() {
        #expect(DutyCadence.adHoc.occurrencesPerWeek(adHocOccurrences: 6, periodWeeks: 4) == 1.5)
        #expect(DutyCadence.adHoc.occurrencesPerWeek(adHocOccurrences: 6, periodWeeks: 0) == 0)
        #expect(Duty(category: .office, cadence: .adHoc, minutesEach: 40, occurrencesInPeriod: 2).minutesPerWeek(periodWeeks: 4) == 20)
        #expect(Duty(category: .office, cadence: .monthly, minutesEach: 520, occurrencesInPeriod: 99).minutesPerWeek(periodWeeks: 4) == 120)
    }

    @Test func splitFromADutyLog() {
        let split = TimeSplit(duties: [
            Duty(category: .customer, cadence: .daily, minutesEach: 300),  // 1500
            Duty(category: .office, cadence: .weekly, minutesEach: 240),  // 240
            Duty(category: .office, cadence: .monthly, minutesEach: 260),  // 60
            Duty(category: .coaching, cadence: .daily, minutesEach: 30),  // 150
            Duty(category: .other, cadence: .adHoc, minutesEach: 50, occurrencesInPeriod: 4),  // 50
        ], periodWeeks: 4, ticketWorkMinutesInPeriod: 800)  // +200 customer
        #expect(split == TimeSplit(customer: 1700, office: 300, coaching: 150, development: 0, other: 50))
        #expect(split.total == 2200)
        #expect(split.customerShare == 1700.0 / 2200.0)
        #expect(split.serviceShare == 1700.0 / 2050.0)
        #expect(split.verdict() == .service)
    }

    @Test(arguments: [
        (70.0, 30.0, HealthVerdict.service),  // 0.70 exactly
        (69.99, 30.01, .drifting),
        (50.0, 50.0, .drifting),  // 0.50 exactly
        (49.99, 50.01, .officeManagement),
        (100.0, 0.0, .service),
        (0.0, 10.0, .officeManagement),
    ])
    func verdictBoundaries(customer: Double, office: Double, expected: HealthVerdict) {
        #expect(TimeSplit(customer: customer, office: office).verdict() == expected)
    }

    @Test func boundaryHoldsForSharesWithRoundingDust() {
        // 0.7 × 3 = 2.0999999999999996 in binary; the share is still 70 %.
        #expect(TimeSplit(customer: 0.7 * 3, office: 0.3 * 3).verdict() == .service)
    }

    @Test func coachingAndDevelopmentAreNeutral() {
        let base = TimeSplit(customer: 60, office: 40)
        var coached = base
        coached.coaching = 400
        coached.development = 100
        #expect(base.verdict() == .drifting)
        #expect(coached.serviceShare == base.serviceShare)
        #expect(coached.verdict() == .drifting)
        #expect(coached.customerShare == 0.1)
    }

    @Test func emptySplitHasNoShareAndNoVerdict() {
        #expect(TimeSplit().customerShare == nil)
        #expect(TimeSplit().serviceShare == nil)
        #expect(TimeSplit().verdict() == nil)
        #expect(TimeSplit(coaching: 60).verdict() == nil)
        #expect(TimeSplit(coaching: 60).customerShare == 0)
    }

    @Test func customThresholds() {
        let strict = HealthThresholds(service: 0.9, drifting: 0.8)
        #expect(strict.isValid)
        #expect(!HealthThresholds(service: 0.5, drifting: 0.7).isValid)
        #expect(TimeSplit(customer: 85, office: 15).verdict(thresholds: strict) == .drifting)
    }

    @Test func departmentSumsMinutesNotShares() {
        // A full-timer at 90 % and a part-timer at 10 %: average of shares is 50 %, minutes say 82 %.
        let report = DepartmentHealth(people: [
            .init(personID: "ana", duties: [
                Duty(category: .customer, cadence: .daily, minutesEach: 432),
                Duty(category: .office, cadence: .daily, minutesEach: 48),
            ]),
            .init(personID: "ben", duties: [
                Duty(category: .customer, cadence: .weekly, minutesEach: 24),
                Duty(category: .office, cadence: .weekly, minutesEach: 216),
            ]),
        ], periodWeeks: 1)
        #expect(report.department == TimeSplit(customer: 2184, office: 456))
        #expect(report.department.serviceShare == 2184.0 / 2640.0)
        #expect(report.verdict == .service)
        #expect(report.people["ben"]?.verdict() == .officeManagement)
    }

    @Test func ticketWorkCountsAsCustomerTime() {
        let report = DepartmentHealth(people: [
            .init(personID: "cara", duties: [Duty(category: .office, cadence: .daily, minutesEach: 120)], ticketWorkMinutesInPeriod: 2400),
        ], periodWeeks: 2)
        #expect(report.people["cara"] == TimeSplit(customer: 1200, office: 600))
        #expect(report.verdict == .drifting)  // 1200 / 1800 = 0.667
    }

    @Test func samePersonTwiceIsAddedUp() {
        let report = DepartmentHealth(people: [
            .init(personID: "dan", duties: [Duty(category: .customer, cadence: .weekly, minutesEach: 100)]),
            .init(personID: "dan", duties: [Duty(category: .office, cadence: .weekly, minutesEach: 100)]),
        ], periodWeeks: 1)
        #expect(report.people == ["dan": TimeSplit(customer: 100, office: 100)])
    }

    @Test func coachingPerWorkingDay() {
        let office = BusinessCalendar.mondayToFriday(
            [hours("09:00", "17:00")], timeZoneIdentifier: "Europe/Berlin", holidays: [Holiday(date: "2025-01-06")])
        let sessions = [
            CoachingTime.Session(date: at("2025-01-07T10:00:00+01:00"), minutes: 45),
            CoachingTime.Session(date: at("2025-01-09T14:00:00+01:00"), minutes: 60),
            CoachingTime.Session(date: at("2025-01-13T10:00:00+01:00"), minutes: 90),  // after the period
        ]
        // 6–10 January: five weekdays, Monday a holiday: 4 working days, 105 minutes.
        let week = CoachingTime(sessions: sessions, from: at("2025-01-06T00:00:00+01:00"), to: at("2025-01-11T00:00:00+01:00"), calendar: office)
        #expect(week.workingDays == 4)
        #expect(week.totalMinutes == 105)
        #expect(week.minutesPerWorkingDay == 26.25)
        #expect(week.meetsTarget == false)
        #expect(week.shortfallPerDay == 3.75)
        #expect(CoachingTime(totalMinutes: 100, workingDays: 4, targetMinutesPerDay: 25).meetsTarget == true)
        #expect(CoachingTime(totalMinutes: 100, workingDays: 0).minutesPerWorkingDay == nil)
        #expect(CoachingTime(totalMinutes: 100, workingDays: 0).meetsTarget == nil)
    }
}
