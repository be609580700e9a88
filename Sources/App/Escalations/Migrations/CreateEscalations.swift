import Fluent
import SQLKit

/// Escalations with their clock, indexed for the scheduler's breach scan.
struct CreateEscalations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("escalations")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("to_user_id", .uuid, .references("users", "id"))
            .field("to_team_id", .uuid, .references("teams", "id"))
            .field("owner_id", .uuid, .references("users", "id"))
            .field("reason", .string, .required)
            .field("channel", .string, .required)
            .field("target_minutes", .int64, .required)
            .field("started_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("state", .string, .required)
            .field("answered_at", .datetime)
            .field("answered_by", .string)
            .field("breached_at", .datetime)
            .field("escalated_by_name", .string, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "escalations_state_due").on("escalations").column("state").column("due_at").run()
        try await sql.create(index: "escalations_ticket").on("escalations").column("ticket_id").column("state").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("escalations").delete()
    }
}
