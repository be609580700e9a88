import Fluent
import SQLKit

/// Product insights and policy frictions, each with the tickets that support it.
struct CreateVoiceOfCustomer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("insights")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("product", .string)
            .field("theme", .string)
            .field("status", .string, .required)
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("insight_tickets")
            .id()
            .field("insight_id", .uuid, .required, .references("insights", "id"))
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("added_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "insight_id", "ticket_id")
            .create()
        try await database.schema("policy_frictions")
            .id()
            .field("policy", .string, .required)
            .field("description", .string, .required)
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("policy_friction_tickets")
            .id()
            .field("friction_id", .uuid, .required, .references("policy_frictions", "id"))
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("revenue_at_risk_cents", .int64, .required)
            .field("added_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "friction_id", "ticket_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["policy_friction_tickets", "policy_frictions", "insight_tickets", "insights"] {
            try await database.schema(table).delete()
        }
    }
}
