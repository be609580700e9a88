import Fluent

/// Team-role profiles: one per person, replaced when they answer again.
struct CreateRoleProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("role_profiles")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("questionnaire_version", .int64, .required)
            .field("answers", .string, .required)
            .field("primary_role", .string, .required)
            .field("secondary_role", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("role_profiles").delete()
    }
}
