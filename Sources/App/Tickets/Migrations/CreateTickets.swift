import Fluent
import SQLKit

/// Tickets with their tags, messages and timeline, and the sequence of ticket numbers.
struct CreateTickets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("counters")
            .field("name", .string, .identifier(auto: false))
            .field("value", .int64, .required)
            .create()
        try await database.sql.insert(into: "counters")
            .columns("name", "value").values(SQLBind(TicketNumbers.counterName), SQLBind(1000)).run()

        try await database.schema("tickets")
            .id()
            .field("number", .int64, .required)
            .field("subject", .string, .required)
            .field("status", .string, .required)
            .field("priority", .string, .required)
            .field("channel", .string, .required)
            .field("requester_id", .uuid, .required, .references("customers", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("owner_id", .uuid, .references("users", "id"))
            .field("team_id", .uuid, .references("teams", "id"))
            .field("custom_fields", .string, .required)
            .field("handoff_count", .int64, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("first_response_at", .datetime)
            .field("last_customer_contact_at", .datetime)
            .field("solved_at", .datetime)
            .field("closed_at", .datetime)
            .unique(on: "number")
            .create()

        try await database.schema("ticket_tags")
            .id()
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("tag", .string, .required)
            .unique(on: "ticket_id", "tag")
            .create()

        try await database.schema("messages")
            .field(.id, .int64, .identifier(auto: true))
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("visibility", .string, .required)
            .field("author_type", .string, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("channel", .string, .required)
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("ticket_events")
            .field(.id, .int64, .identifier(auto: true))
            .field("ticket_id", .uuid, .required, .references("tickets", "id"))
            .field("kind", .string, .required)
            .field("actor_type", .string, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("at", .datetime, .required)
            .field("data", .string, .required)
            .create()

        // Every list filter walks an index in number order, so a page costs the same at any size.
        let sql = try database.sql
        for (name, table, columns) in [
            ("tickets_status_number", "tickets", ["status", "number"]),
            ("tickets_owner_number", "tickets", ["owner_id", "number"]),
            ("tickets_team_number", "tickets", ["team_id", "number"]),
            ("tickets_requester_number", "tickets", ["requester_id", "number"]),
            ("tickets_organization_number", "tickets", ["organization_id", "number"]),
            ("ticket_tags_tag", "ticket_tags", ["tag", "ticket_id"]),
            ("messages_ticket", "messages", ["ticket_id", "id"]),
            ("ticket_events_ticket", "ticket_events", ["ticket_id", "id"]),
        ] {
            var index = sql.create(index: name).on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["ticket_events", "messages", "ticket_tags", "tickets", "counters"] {
            try await database.schema(table).delete()
        }
    }
}
