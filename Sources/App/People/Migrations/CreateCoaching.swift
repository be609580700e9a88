import Fluent
import SQLKit

/// Coaching sessions with their topics, discussed tickets and agreed actions, and the coaching queue.
struct CreateCoaching: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("coaching_sessions")
            .id()
            .field("coach_id", .uuid, .required, .references("users", "id"))
            .field("agent_id", .uuid, .required, .references("users", "id"))
            .field("on", .string, .required)
            .field("minutes", .int64, .required)
            .field("notes", .string)
            .field("agent_view", .string)
            .field("acknowledged_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("coaching_session_topics")
            .id()
            .field("session_id", .uuid, .required, .references("coaching_sessions", "id"))
            .field("topic", .string, .required)
            .create()
        try await database.schema("coaching_session_tickets")
            .id()
            .field("session_id", .uuid, .required, .references("coaching_sessions", "id"))
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .unique(on: "session_id", "ticket_id")
            .create()
        try await database.schema("coaching_actions")
            .id()
            .field("session_id", .uuid, .required, .references("coaching_sessions", "id"))
            .field("description", .string, .required)
            .field("due_on", .string)
            .field("position", .int64, .required)
            .create()
        try await database.schema("coaching_queue")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("agent_id", .uuid, .references("users", "id"))
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("reason", .string, .required)
            .field("session_id", .uuid, .references("coaching_sessions", "id"))
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "coaching_sessions_coach").on("coaching_sessions").column("coach_id").column("on").run()
        try await sql.create(index: "coaching_sessions_agent").on("coaching_sessions").column("agent_id").column("on").run()
        try await sql.create(index: "coaching_session_topics_session").on("coaching_session_topics").column("session_id").run()
        try await sql.create(index: "coaching_actions_session").on("coaching_actions").column("session_id").run()
        try await sql.create(index: "coaching_queue_ticket").on("coaching_queue").column("ticket_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["coaching_queue", "coaching_actions", "coaching_session_tickets", "coaching_session_topics", "coaching_sessions"] {
            try await database.schema(table).delete()
        }
    }
}
