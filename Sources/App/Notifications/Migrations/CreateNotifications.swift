import Fluent
import SQLKit

/// In-app notifications for staff.
struct CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("ticket_id", .uuid, .references("tickets", "id"))
            .field("subject_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await database.sql.create(index: "notifications_user_created").on("notifications")
            .column("user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
