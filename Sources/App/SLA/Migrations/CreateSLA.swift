import Fluent
import SQLKit

/// Business calendars, SLA policies and the clocks running on tickets.
struct CreateSLA: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("business_calendars")
            .id()
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("sla_policies")
            .id()
            .field("name", .string, .required)
            .field("priority", .string)
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("tag", .string)
            .field("first_response_minutes", .int64)
            .field("next_response_minutes", .int64)
            .field("resolution_minutes", .int64)
            .field("warning_minutes", .int64, .required)
            .field("calendar_id", .uuid, .references("business_calendars", "id"))
            .field("position", .int64, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("sla_clocks")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("target", .string, .required)
            .field("policy_id", .uuid)
            .field("policy_name", .string, .required)
            .field("calendar_id", .uuid)
            .field("target_minutes", .int64, .required)
            .field("warning_minutes", .int64, .required)
            .field("started_at", .datetime, .required)
            .field("pauses", .string, .required)
            .field("stopped_at", .datetime)
            .field("due_at", .datetime)
            .field("warn_at", .datetime)
            .field("state", .string, .required)
            .field("warned_at", .datetime)
            .field("breached_at", .datetime)
            .create()
        let sql = try database.sql
        try await sql.create(index: "sla_clocks_state_due").on("sla_clocks").column("state").column("due_at").run()
        try await sql.create(index: "sla_clocks_state_warn").on("sla_clocks").column("state").column("warn_at").run()
        try await sql.create(index: "sla_clocks_ticket").on("sla_clocks").column("ticket_id").column("started_at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["sla_clocks", "sla_policies", "business_calendars"] { try await database.schema(table).delete() }
    }
}
