import Foundation

/// How much a manager coaches per working day, against a target.
///
/// The seed's question — "how much time is your manager spending daily coaching and developing
/// their reps?" — asks for a daily figure, so sessions in the period are summed and divided by
/// the period's working days (from the team's business calendar, holidays excluded).
public struct CoachingTime: Sendable, Hashable {
    /// One coaching session's date and length.
    public struct Session: Sendable, Hashable {
        public var date: Date
        public var minutes: Double

        public init(date: Date, minutes: Double) {
            self.date = date
            self.minutes = minutes
        }
    }

    /// A starting point only; each department sets its own.
    public static let defaultTargetMinutesPerDay: Double = 30

    /// Minutes of sessions whose date lies in the period.
    public let totalMinutes: Double
    /// Working days in the period.
    public let workingDays: Int
    /// The target per working day.
    public let targetMinutesPerDay: Double

    /// Sessions dated `start <= date < end` count; working days come from `calendar`.
    public init(
        sessions: [Session], from start: Date, to end: Date, calendar: BusinessCalendar,
        targetMinutesPerDay: Double = defaultTargetMinutesPerDay
    ) {
        self.init(
            totalMinutes: sessions.filter { $0.date >= start && $0.date < end }.reduce(0) { $0 + $1.minutes },
            workingDays: calendar.workingDays(from: start, to: end),
            targetMinutesPerDay: targetMinutesPerDay)
    }

    public init(totalMinutes: Double, workingDays: Int, targetMinutesPerDay: Double = defaultTargetMinutesPerDay) {
        self.totalMinutes = totalMinutes
        self.workingDays = workingDays
        self.targetMinutesPerDay = targetMinutesPerDay
    }

    /// Coaching minutes per working day; nil when the period has no working days.
    public var minutesPerWorkingDay: Double? {
        workingDays > 0 ? totalMinutes / Double(workingDays) : nil
    }

    /// Whether the daily figure reaches the target; nil when there is no daily figure.
    public var meetsTarget: Bool? { minutesPerWorkingDay.map { $0 >= targetMinutesPerDay } }

    /// Minutes per working day still missing to reach the target (0 when met); nil without a figure.
    public var shortfallPerDay: Double? { minutesPerWorkingDay.map { max(0, targetMinutesPerDay - $0) } }
}
