import Fluent
import SQLKit

/// Runaround counters per ticket and the owners each ticket has had.
struct CreateTicketRunaround: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ticket_runaround")
            .field(.id, .uuid, .identifier(auto: false), .references("tickets", "id"))
            .field("handoffs", .int64, .required)
            .field("distinct_owners", .int64, .required)
            .field("customer_contacts", .int64, .required)
            .field("channel_switches", .int64, .required)
            .field("reopenings", .int64, .required)
            .field("holds_without_wait_told", .int64, .required)
            .field("broken_promises", .int64, .required)
            .field("last_contact_channel", .string)
            .field("flagged", .bool, .required)
            .field("first_flagged_at", .datetime)
            .field("index_tenths", .int64, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("ticket_owners")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "ticket_id", "user_id")
            .create()
        // The Runaround list walks flagged tickets most severe first.
        try await database.sql.create(index: "ticket_runaround_flagged_index").on("ticket_runaround")
            .column("flagged").column("index_tenths").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ticket_owners").delete()
        try await database.schema("ticket_runaround").delete()
    }
}
