import Fluent

/// Agreed actions are closed: who marked one done and when. Add-only, so sessions logged before
/// keep their actions open. One column per statement: SQLite adds a single column per ALTER TABLE.
struct AddCoachingActionDone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("coaching_actions").field("done_at", .datetime).update()
        try await database.schema("coaching_actions").field("done_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("coaching_actions").deleteField("done_by").update()
        try await database.schema("coaching_actions").deleteField("done_at").update()
    }
}
