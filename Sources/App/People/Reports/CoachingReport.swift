import Fluent
import Vapor

/// The coaching report of a scope and period: each coach's minutes against the daily target, and
/// the agreed actions left open past their due day. The API and the coaching page show the same.
struct CoachingReport: Content {
    let from: String
    let to: String
    let teamId: UUID?
    let targetMinutesPerDay: Double
    let coaches: [CoachingFigures.Figure]
    let overdueActions: [OverdueActions.Item]

    enum CodingKeys: String, CodingKey {
        case from, to, coaches
        case teamId = "team_id", targetMinutesPerDay = "target_minutes_per_day", overdueActions = "overdue_actions"
    }

    static func build(scope: ReportScope, period: ReportPeriod, viewer: User, today: String, on db: any Database) async throws -> CoachingReport {
        let settings = try await DepartmentHealthSettings.load(on: db)
        return CoachingReport(
            from: period.from, to: period.to, teamId: scope.teamId, targetMinutesPerDay: settings.coachingTargetMinutesPerDay,
            coaches: try await CoachingFigures.compute(scope: scope, period: period, settings: settings, on: db),
            overdueActions: try await OverdueActions.list(people: scope.ids, viewer: viewer, today: today, on: db))
    }
}
