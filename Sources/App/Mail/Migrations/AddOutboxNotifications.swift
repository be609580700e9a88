import Fluent

/// Lets the outbox carry a staff member's alert (a promise due soon, a promise broken, an
/// escalation past its target) as well as mail to customers.
struct AddOutboxNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox").field("notification_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").deleteField("notification_id").update()
    }
}
