import Fluent
import SQLKit

/// Promises to customers, indexed for the scheduler's due-time and reminder scans.
struct CreatePromises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("promises")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("due_at", .datetime, .required)
            .field("remind_at", .datetime)
            .field("reminded_at", .datetime)
            .field("owner_id", .uuid, .required, .references("users", "id"))
            .field("state", .string, .required)
            .field("resolution", .string)
            .field("cancel_reason", .string)
            .field("resolved_at", .datetime)
            .field("call_id", .uuid)
            .field("made_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        for (name, columns) in [
            ("promises_state_due", ["state", "due_at"]),
            ("promises_state_remind", ["state", "remind_at"]),
            ("promises_owner_state", ["owner_id", "state"]),
            ("promises_ticket", ["ticket_id", "due_at"]),
        ] {
            var index = sql.create(index: name).on("promises")
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("promises").delete()
    }
}
