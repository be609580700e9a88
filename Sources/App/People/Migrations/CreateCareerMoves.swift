import Fluent
import SQLKit

/// Promotions and moves: the department's successes.
struct CreateCareerMoves: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("career_moves")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("on", .string, .required)
            .field("kind", .string, .required)
            .field("from_title", .string)
            .field("to_title", .string, .required)
            .field("department", .string)
            .field("note", .string)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "career_moves_user").on("career_moves").column("user_id").column("on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("career_moves").delete()
    }
}
