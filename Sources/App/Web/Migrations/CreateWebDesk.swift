import Fluent
import SQLKit

/// The web app's tables: browser sessions, rate-limit hits, saved filters, presence on tickets,
/// portal links.
struct CreateWebDesk: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .references("users", "id"))
            .field("customer_id", .uuid, .references("customers", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()

        try await database.schema("rate_limit_hits")
            .id()
            .field("scope", .string, .required)
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()

        try await database.schema("saved_filters")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("name", .string, .required)
            .field("query", .string, .required)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("ticket_presence")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("user_name", .string, .required)
            .field("typing", .bool, .required)
            .field("seen_at", .datetime, .required)
            .unique(on: "ticket_id", "user_id")
            .create()

        try await database.schema("portal_links")
            .id()
            .field("token_hash", .string, .required)
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()

        let sql = try database.sql
        try await sql.create(index: "rate_limit_hits_key").on("rate_limit_hits").column("scope").column("key").column("at").run()
        try await sql.create(index: "saved_filters_user").on("saved_filters").column("user_id").run()
        try await sql.create(index: "web_sessions_expiry").on("web_sessions").column("expires_at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["portal_links", "ticket_presence", "saved_filters", "rate_limit_hits", "web_sessions"] {
            try await database.schema(table).delete()
        }
    }
}
