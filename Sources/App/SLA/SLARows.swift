import Fluent
import Foundation
import SQLKit

/// The SLA tables on the creation path: the policies read in one query and decoded column by
/// column, a new ticket's clocks stored in one bound INSERT.
struct SLARows {
    let sql: any SQLDatabase

    /// Every policy, in the order equally specific ones are chosen (`position`, then age).
    func policies() async throws -> [SLAPolicyRecord] {
        try await sql.select()
            .columns(
                "id", "name", "priority", "organization_id", "tag", "first_response_minutes", "next_response_minutes",
                "resolution_minutes", "warning_minutes", "calendar_id", "position", "created_at", "updated_at")
            .from(SLAPolicyRecord.schema)
            .orderBy("position").orderBy("created_at")
            .all()
            .map(Self.policy)
    }

    func insert(_ clocks: [SLAClockRecord]) async throws {
        guard !clocks.isEmpty else { return }
        let insert = sql.insert(into: SLAClockRecord.schema).columns(
            "id", "ticket_id", "target", "policy_id", "policy_name", "calendar_id", "target_minutes", "warning_minutes", "started_at",
            "pauses", "stopped_at", "due_at", "warn_at", "state", "warned_at", "breached_at")
        for clock in clocks {
            let id = clock.id ?? UUID()
            clock.id = id
            insert.values([
                SQLBind(id), SQLBind(clock.ticketId), SQLBind(clock.target.rawValue), SQLValues.bind(clock.policyId),
                SQLBind(clock.policyName), SQLValues.bind(clock.calendarId), SQLBind(clock.targetMinutes), SQLBind(clock.warningMinutes),
                SQLBind(clock.startedAt), SQLBind(clock.pauses), SQLValues.bind(clock.stoppedAt), SQLValues.bind(clock.dueAt),
                SQLValues.bind(clock.warnAt), SQLBind(clock.state.rawValue), SQLValues.bind(clock.warnedAt), SQLValues.bind(clock.breachedAt),
            ] as [any SQLExpression])
        }
        try await insert.run()
        for clock in clocks { clock.$id.exists = true }
    }

    private static func policy(_ row: any SQLRow) throws -> SLAPolicyRecord {
        let policy = SLAPolicyRecord()
        policy.id = try row.decode(column: "id", as: UUID.self)
        policy.name = try row.decode(column: "name", as: String.self)
        policy.priority = try row.decode(column: "priority", as: String?.self)
        policy.organizationId = try row.decode(column: "organization_id", as: UUID?.self)
        policy.tag = try row.decode(column: "tag", as: String?.self)
        policy.firstResponseMinutes = try row.decode(column: "first_response_minutes", as: Int?.self)
        policy.nextResponseMinutes = try row.decode(column: "next_response_minutes", as: Int?.self)
        policy.resolutionMinutes = try row.decode(column: "resolution_minutes", as: Int?.self)
        policy.warningMinutes = try row.decode(column: "warning_minutes", as: Int.self)
        policy.calendarId = try row.decode(column: "calendar_id", as: UUID?.self)
        policy.position = try row.decode(column: "position", as: Int.self)
        policy.createdAt = try row.decode(column: "created_at", as: Date.self)
        policy.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        policy.$id.exists = true
        return policy
    }
}
