import Foundation

/// One SLA target's clock on one ticket: counts business time from `start`, minus pauses, until
/// the target event (`stoppedAt`), and answers due time, elapsed, remaining and state.
///
/// Every answer is "as known at `now`": pauses that start after `now` are ignored, and a pause
/// that is open-ended or ends after `now` is still going on. The due time is the first instant at
/// which elapsed business time reaches the target; the target is met when the stop comes at or
/// before it, and breached once `now` (or the stop) is later than it.
public struct SLAClock: Sendable {
    /// Which target this clock measures.
    public let target: SLATarget
    /// When the clock started (ticket created, or the customer's unanswered message arrived).
    public let start: Date
    /// Business minutes allowed.
    public let targetMinutes: Int
    /// The business hours the clock counts in.
    public let calendar: BusinessCalendar
    /// Pauses, in any order, possibly overlapping; the last may be open-ended.
    public let pauses: [SLAPause]
    /// When the target event happened (the reply was sent, the ticket solved); nil until then.
    public let stoppedAt: Date?

    public init(
        target: SLATarget, start: Date, targetMinutes: Int, calendar: BusinessCalendar,
        pauses: [SLAPause] = [], stoppedAt: Date? = nil
    ) {
        self.target = target
        self.start = start
        self.targetMinutes = targetMinutes
        self.calendar = calendar
        self.pauses = pauses
        self.stoppedAt = stoppedAt
    }

    private var allowed: TimeInterval { Double(targetMinutes) * 60 }

    /// The clock's reference instant: `now`, or the stop when that came earlier.
    private func horizon(_ now: Date) -> Date { min(now, stoppedAt ?? now) }

    /// Business time counted from `start` to `now` (or the stop), excluding pauses.
    public func elapsed(at now: Date) -> TimeInterval {
        let end = horizon(now)
        return stretches(knownAt: end).reduce(0) { total, stretch in
            total + calendar.businessTime(from: stretch.start, to: min(stretch.end ?? end, end))
        }
    }

    /// Target minus elapsed business time; negative once overdue.
    public func remaining(at now: Date) -> TimeInterval { allowed - elapsed(at: now) }

    /// When the target is (or was) due, assuming no pause beyond those known at `now`.
    ///
    /// Nil while paused with time still left (the due time moves when the clock resumes), and when
    /// the calendar is never open.
    public func due(at now: Date) -> Date? {
        var left = allowed
        for stretch in stretches(knownAt: horizon(now)) {
            guard let end = stretch.end else {
                let due = calendar.addingBusinessTime(left, to: stretch.start)
                return due == .distantFuture ? nil : due
            }
            let available = calendar.businessTime(from: stretch.start, to: end)
            if left <= available { return calendar.addingBusinessTime(left, to: stretch.start) }
            left -= available
        }
        return nil
    }

    /// Whether a pause is going on at `now`.
    public func isPaused(at now: Date) -> Bool {
        pauses.contains { $0.start <= now && ($0.end.map { $0 > now } ?? true) }
    }

    /// The clock's state at `now`; see ``SLAState`` for the precedence.
    public func state(at now: Date, warning: SLAWarning = .standard) -> SLAState {
        let due = due(at: now)
        if let stoppedAt, stoppedAt <= now {
            let onTime = due.map { stoppedAt <= $0 } ?? true
            return onTime ? .met : .breached
        }
        if let due, now > due { return .breached }
        if isPaused(at: now) { return .paused }
        if warning.isWarning(elapsed: elapsed(at: now), target: allowed) { return .warning }
        return .running
    }

    /// The stretches when the clock runs, from `start`, as known at `now`: the gaps between merged
    /// pauses. The last stretch has a nil end when the clock is still running at `now`.
    private func stretches(knownAt now: Date) -> [(start: Date, end: Date?)] {
        let known = pauses
            .filter { $0.start < now || $0.start <= start }
            .map { (start: max($0.start, start), end: $0.end.flatMap { $0 <= now ? max($0, start) : nil }) }
            .sorted { $0.start < $1.start }
        var result: [(start: Date, end: Date?)] = []
        var runningFrom: Date? = start
        for pause in known {
            guard let from = runningFrom else { break }
            if pause.start > from { result.append((from, pause.start)) }
            // An ongoing pause stops the clock for good (as known at `now`).
            guard let resume = pause.end else { runningFrom = nil; break }
            if resume > from { runningFrom = resume }
        }
        if let from = runningFrom { result.append((from, nil)) }
        return result
    }
}
