import Fluent

/// Special projects and the people on them.
struct CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("lead_id", .uuid, .required, .references("users", "id"))
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("project_members")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("role", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_members").delete()
        try await database.schema("projects").delete()
    }
}
