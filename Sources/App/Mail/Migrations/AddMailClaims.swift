import Fluent
import SQLKit

/// What lets several instances (and a crashed one) share mail work safely: a claim on an inbound
/// message while it is processed, a per-mail lease token on the outbox, and the addresses seen in
/// Cc of a threaded reply that an agent may add as participants.
struct AddMailClaims: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inbound_mails").field("claim_token", .string).update()
        try await database.schema("inbound_mails").field("claimed_until", .datetime).update()
        try await database.schema("mail_outbox").field("lease_token", .string).update()
        try await database.schema("ticket_participant_suggestions")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("email", .string, .required)
            .field("name", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "ticket_id", "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ticket_participant_suggestions").delete()
        try await database.schema("mail_outbox").deleteField("lease_token").update()
        try await database.schema("inbound_mails").deleteField("claimed_until").update()
        try await database.schema("inbound_mails").deleteField("claim_token").update()
    }
}
