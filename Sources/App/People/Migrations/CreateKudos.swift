import Fluent
import SQLKit

/// Kudos from colleagues, managers and customers.
struct CreateKudos: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kudos")
            .id()
            .field("to_user_id", .uuid, .required, .references("users", "id"))
            .field("from_user_id", .uuid, .required, .references("users", "id"))
            .field("source", .string, .required)
            .field("value", .string)
            .field("message", .string, .required)
            .field("quote", .string)
            .field("ticket_id", .uuid, .references("tickets", "id"))
            .field("message_id", .int64)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "kudos_created").on("kudos").column("created_at").run()
        try await sql.create(index: "kudos_to_user").on("kudos").column("to_user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kudos").delete()
    }
}
