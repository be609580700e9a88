import Foundation
import Testing
import FrontlineCore

/// A 4-hour target on Monday 6 January 2025 from 10:00, office hours 09:00–17:00 UTC, weekdays.
@Suite struct SLAClockTests {
    let office = BusinessCalendar.mondayToFriday([hours("09:00", "17:00")], timeZoneIdentifier: "UTC")
    let start = at("2025-01-06T10:00:00Z")

    func clock(_ minutes: Int = 240, pauses: [SLAPause] = [], stoppedAt: Date? = nil) -> SLAClock {
        SLAClock(target: .firstResponse, start: start, targetMinutes: minutes, calendar: office, pauses: pauses, stoppedAt: stoppedAt)
    }

    @Test func runningClockAnswersDueElapsedRemaining() {
        let now = at("2025-01-06T12:00:00Z")
        #expect(clock().due(at: now) == at("2025-01-06T14:00:00Z"))
        #expect(clock().elapsed(at: now) == 2 * hour)
        #expect(clock().remaining(at: now) == 2 * hour)
        #expect(clock().state(at: now) == .running)
    }

    @Test(arguments: [
        ("2025-01-06T13:11:59Z", SLAState.running),
        ("2025-01-06T13:12:00Z", .warning),  // 80 % of 240 minutes used
        ("2025-01-06T14:00:00Z", .warning),  // due now: not yet breached
        ("2025-01-06T14:00:01Z", .breached),
        ("2025-01-07T10:00:00Z", .breached),
    ])
    func statesOverTime(now: String, expected: SLAState) {
        #expect(clock().state(at: at(now)) == expected)
    }

    @Test func warningByRemainingMinutes() {
        #expect(clock().state(at: at("2025-01-06T13:29:59Z"), warning: .remainingMinutes(30)) == .running)
        #expect(clock().state(at: at("2025-01-06T13:30:00Z"), warning: .remainingMinutes(30)) == .warning)
    }

    @Test func stoppingDecidesMetOrBreached() {
        let later = at("2025-01-08T10:00:00Z")
        #expect(clock(stoppedAt: at("2025-01-06T14:00:00Z")).state(at: later) == .met)
        #expect(clock(stoppedAt: at("2025-01-06T14:00:01Z")).state(at: later) == .breached)
        #expect(clock(stoppedAt: at("2025-01-06T11:00:00Z")).elapsed(at: later) == hour)
        #expect(clock(stoppedAt: at("2025-01-06T11:00:00Z")).remaining(at: later) == 3 * hour)
        // Before the stop, the clock reads as it did then.
        #expect(clock(stoppedAt: at("2025-01-06T15:00:00Z")).state(at: at("2025-01-06T12:00:00Z")) == .running)
    }

    @Test func dueTimeStaysAtClosingAndBreachesAfterIt() {
        // 7 business hours from 10:00 is due at 17:00; over the evening nothing elapses, but the due time has passed.
        let sevenHours = clock(420)
        #expect(sevenHours.due(at: start) == at("2025-01-06T17:00:00Z"))
        #expect(sevenHours.elapsed(at: at("2025-01-06T20:00:00Z")) == 7 * hour)
        #expect(sevenHours.state(at: at("2025-01-06T20:00:00Z")) == .breached)
    }

    @Test func dueTimeCrossesTheWeekend() {
        let friday = SLAClock(target: .resolution, start: at("2025-01-10T16:00:00Z"), targetMinutes: 120, calendar: office)
        #expect(friday.due(at: at("2025-01-10T16:00:00Z")) == at("2025-01-13T10:00:00Z"))
        #expect(friday.state(at: at("2025-01-11T12:00:00Z")) == .running)  // 50 % used, weekend
    }

    @Test func finishedPauseMovesTheDueTime() {
        let paused = clock(pauses: [SLAPause(start: at("2025-01-06T11:00:00Z"), end: at("2025-01-06T12:00:00Z"))])
        let now = at("2025-01-06T13:00:00Z")
        #expect(paused.due(at: now) == at("2025-01-06T15:00:00Z"))
        #expect(paused.elapsed(at: now) == 2 * hour)
        #expect(paused.state(at: now) == .running)
        #expect(paused.state(at: at("2025-01-06T11:30:00Z")) == .paused)
    }

    @Test func overlappingPausesCountOnce() {
        let paused = clock(pauses: [
            SLAPause(start: at("2025-01-06T11:30:00Z"), end: at("2025-01-06T12:30:00Z")),
            SLAPause(start: at("2025-01-06T11:00:00Z"), end: at("2025-01-06T12:00:00Z")),
        ])
        #expect(paused.due(at: at("2025-01-06T13:00:00Z")) == at("2025-01-06T15:30:00Z"))
    }

    @Test func pauseOutsideBusinessHoursChangesNothing() {
        let paused = clock(pauses: [SLAPause(start: at("2025-01-06T18:00:00Z"), end: at("2025-01-07T08:00:00Z"))])
        #expect(paused.due(at: at("2025-01-07T09:00:00Z")) == at("2025-01-06T14:00:00Z"))
    }

    @Test func openEndedPauseHasNoDueTime() {
        let pending = clock(pauses: [SLAPause(start: at("2025-01-06T11:00:00Z"))])
        let now = at("2025-01-07T16:00:00Z")
        #expect(pending.state(at: now) == .paused)
        #expect(pending.due(at: now) == nil)
        #expect(pending.elapsed(at: now) == hour)
        #expect(pending.remaining(at: now) == 3 * hour)
    }

    @Test func pauseKnownOnlyUpToNow() {
        // Seen at 12:00, a pause that ends at 14:00 is still going on.
        let clock = clock(pauses: [SLAPause(start: at("2025-01-06T11:00:00Z"), end: at("2025-01-06T14:00:00Z"))])
        #expect(clock.state(at: at("2025-01-06T12:00:00Z")) == .paused)
        #expect(clock.due(at: at("2025-01-06T12:00:00Z")) == nil)
        #expect(clock.due(at: at("2025-01-06T14:00:00Z")) == at("2025-01-06T17:00:00Z"))
    }

    @Test func breachBeforeAPauseStaysABreach() {
        let oneHour = clock(60, pauses: [SLAPause(start: at("2025-01-06T11:30:00Z"))])
        #expect(oneHour.due(at: at("2025-01-06T12:00:00Z")) == at("2025-01-06T11:00:00Z"))
        #expect(oneHour.state(at: at("2025-01-06T12:00:00Z")) == .breached)
    }

    @Test func stoppedWhilePausedWithTimeLeftIsMet() {
        let clock = clock(pauses: [SLAPause(start: at("2025-01-06T11:00:00Z"))], stoppedAt: at("2025-01-09T10:00:00Z"))
        #expect(clock.state(at: at("2025-01-10T10:00:00Z")) == .met)
    }

    @Test func pauseFromBeforeTheStartHoldsTheClockFromTheStart() {
        let clock = clock(pauses: [SLAPause(start: at("2025-01-06T09:00:00Z"), end: at("2025-01-06T11:00:00Z"))])
        #expect(clock.due(at: at("2025-01-06T12:00:00Z")) == at("2025-01-06T15:00:00Z"))
        #expect(clock.state(at: start) == .paused)
    }

    @Test func zeroMinuteTargetIsDueAtOnce() {
        #expect(clock(0).due(at: start) == start)
        #expect(clock(0).state(at: start.addingTimeInterval(1)) == .breached)
    }

    @Test func neverOpenCalendarHasNoDueTime() {
        let closed = SLAClock(
            target: .nextResponse, start: start, targetMinutes: 60,
            calendar: BusinessCalendar(timeZoneIdentifier: "UTC", weeklyHours: [:]))
        #expect(closed.due(at: start) == nil)
        #expect(closed.state(at: start.addingTimeInterval(100 * hour)) == .running)
    }
}
