import Fluent
import SQLKit

/// Inbound mail, threading references, participants, attachments, bounces and the outbox.
struct CreateMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inbound_mails")
            .id()
            .field("sha256", .string, .required)
            .field("message_id", .string)
            .field("size", .int64, .required)
            .field("source", .string, .required)
            .field("status", .string, .required)
            .field("error", .string)
            .field("ticket_id", .uuid, .references("tickets", "id"))
            .field("received_at", .datetime, .required)
            .field("processed_at", .datetime)
            .unique(on: "sha256")
            .create()

        try await database.schema("mail_references")
            .id()
            .field("message_id", .string, .required)
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("direction", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "message_id")
            .create()

        try await database.schema("ticket_participants")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("email", .string, .required)
            .field("name", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "ticket_id", "email")
            .create()

        try await database.schema("bouncing_addresses")
            .id()
            .field("email", .string, .required)
            .field("reason", .string, .required)
            .field("bounced_at", .datetime, .required)
            .unique(on: "email")
            .create()

        try await database.schema("attachments")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("message_id", .int64, .references("messages", "id"))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("content_id", .string)
            .field("inline", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("mail_outbox")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("message_id", .int64, .references("messages", "id"))
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int64, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("header_message_id", .string)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()

        let sql = try database.sql
        try await sql.create(index: "inbound_mails_status").on("inbound_mails").column("status").column("received_at").run()
        try await sql.create(index: "mail_references_ticket").on("mail_references").column("ticket_id").run()
        try await sql.create(index: "attachments_message").on("attachments").column("message_id").run()
        try await sql.create(index: "attachments_ticket").on("attachments").column("ticket_id").run()
        try await sql.create(index: "mail_outbox_due").on("mail_outbox").column("status").column("next_attempt_at").run()
        try await sql.create(index: "mail_outbox_recipient").on("mail_outbox").column("recipient").column("kind").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["mail_outbox", "attachments", "bouncing_addresses", "ticket_participants", "mail_references", "inbound_mails"] {
            try await database.schema(table).delete()
        }
    }
}
