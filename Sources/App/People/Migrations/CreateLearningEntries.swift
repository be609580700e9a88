import Fluent
import SQLKit

/// The learning log.
struct CreateLearningEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("learning_entries")
            .id()
            .field("author_id", .uuid, .required, .references("users", "id"))
            .field("about", .string, .required)
            .field("text", .string, .required)
            .field("ticket_id", .uuid, .references("tickets", "id"))
            .field("article_id", .uuid, .references("kb_articles", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "learning_entries_author").on("learning_entries").column("author_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("learning_entries").delete()
    }
}
