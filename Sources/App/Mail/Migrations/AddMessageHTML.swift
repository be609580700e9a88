import Fluent

/// Messages keep the sanitised HTML of an email beside its text.
struct AddMessageHTML: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("messages").field("html", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("messages").deleteField("html").update()
    }
}
