import Fluent
import FrontlineCore
import Vapor

/// Each coach's coaching time in a period against the daily target (FrontlineCore `CoachingTime`):
/// the department-health report and the coaching report both show it.
///
/// Working days are Monday to Friday (UTC) until desks keep their own business calendar.
enum CoachingFigures {
    static let workingWeek = BusinessCalendar.mondayToFriday(
        [OpeningInterval(startMinute: 9 * 60, endMinute: 17 * 60)], timeZoneIdentifier: "UTC")

    /// One coach's figures.
    struct Figure: Content {
        let coachId: UUID
        let name: String
        let sessions: Int
        let totalMinutes: Double
        let workingDays: Int
        let minutesPerWorkingDay: Double?
        let minutesPerWeek: Double
        let targetMinutesPerDay: Double
        let meetsTarget: Bool?
        let shortfallPerDay: Double?

        enum CodingKeys: String, CodingKey {
            case name, sessions
            case coachId = "coach_id", totalMinutes = "total_minutes", workingDays = "working_days"
            case minutesPerWorkingDay = "minutes_per_working_day", minutesPerWeek = "minutes_per_week"
            case targetMinutesPerDay = "target_minutes_per_day", meetsTarget = "meets_target"
            case shortfallPerDay = "shortfall_per_day"
        }
    }

    /// Sessions in the period with someone of the scope, as coach or as agent; the coaches are
    /// those who ran them plus every lead and manager of the scope (at 0 when they did not coach).
    static func compute(
        scope: ReportScope, period: ReportPeriod, settings: DepartmentHealthSettings, on db: any Database
    ) async throws -> [Figure] {
        let ids = scope.ids
        guard !ids.isEmpty else { return [] }
        let asAgent = try await CoachingSession.query(on: db).filter(\.$agentId ~~ ids)
            .filter(\.$on >= period.from).filter(\.$on <= period.to).all()
        let asCoach = try await CoachingSession.query(on: db).filter(\.$coachId ~~ ids)
            .filter(\.$on >= period.from).filter(\.$on <= period.to).all()
        var sessions: [UUID: CoachingSession] = [:]
        for session in asAgent + asCoach { sessions[try session.requireID()] = session }
        let byCoach = Dictionary(grouping: sessions.values, by: \.coachId)

        var coachIds = Set(byCoach.keys)
        for person in scope.people where person.role == .lead || person.role == .manager { coachIds.insert(try person.requireID()) }
        let coaches = try await User.query(on: db).filter(\.$id ~~ Array(coachIds)).all()
        return try coaches.map { coach in
            let own = byCoach[try coach.requireID()] ?? []
            let time = CoachingTime(
                sessions: own.map { .init(date: Days.start(of: $0.on), minutes: Double($0.minutes)) },
                from: period.start, to: period.end, calendar: workingWeek,
                targetMinutesPerDay: settings.coachingTargetMinutesPerDay)
            return Figure(
                coachId: try coach.requireID(), name: coach.name, sessions: own.count,
                totalMinutes: Rounded.minutes(time.totalMinutes), workingDays: time.workingDays,
                minutesPerWorkingDay: time.minutesPerWorkingDay.map(Rounded.minutes),
                minutesPerWeek: Rounded.minutes(time.totalMinutes / period.weeks),
                targetMinutesPerDay: time.targetMinutesPerDay, meetsTarget: time.meetsTarget,
                shortfallPerDay: time.shortfallPerDay.map(Rounded.minutes))
        }.sorted { $0.name < $1.name }
    }
}
