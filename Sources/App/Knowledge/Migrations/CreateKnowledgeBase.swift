import Fluent
import SQLKit

/// Knowledge-base articles (the first of them are drafts promoted from learning entries).
struct CreateKnowledgeBase: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kb_articles")
            .id()
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("source_learning_entry_id", .uuid)
            .field("author_id", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "kb_articles_status").on("kb_articles").column("status").column("updated_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kb_articles").delete()
    }
}
