import Fluent

/// Agreed actions are closed: who marked one done and when. Add-only, so sessions logged before
/// keep their actions open.
struct AddCoachingActionDone: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("coaching_actions")
            .field("done_at", .datetime)
            .field("done_by", .uuid, .references("users", "id"))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("coaching_actions").deleteField("done_at").deleteField("done_by").update()
    }
}
