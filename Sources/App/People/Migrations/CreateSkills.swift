import Fluent
import Foundation

/// The skills catalogue, seeded with the emotional skills of seed 004, and each person's levels.
struct CreateSkills: AsyncMigration {
    /// The emotional skills every service department needs; fixed ids so that every desk shares them.
    static let emotionalSkills: [(UUID, String)] = [
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000001")!, "De-escalation"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000002")!, "Empathy"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000003")!, "Counselling"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000004")!, "Coaching"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000005")!, "Teaching"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000006")!, "Consulting"),
        (UUID(uuidString: "5E1F0000-0000-4000-8000-000000000007")!, "Project management"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("skills")
            .id()
            .field("name", .string, .required)
            .field("name_normalized", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name_normalized")
            .create()
        try await database.schema("user_skills")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("skill_id", .uuid, .required, .references("skills", "id"))
            .field("self_level", .int64, .required)
            .field("confirmed_level", .int64)
            .field("confirmed_by", .uuid, .references("users", "id"))
            .field("confirmed_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", "skill_id")
            .create()
        let now = Date()
        for (id, name) in Self.emotionalSkills {
            try await Skill(id: id, name: name, kind: .emotional, at: now).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_skills").delete()
        try await database.schema("skills").delete()
    }
}
