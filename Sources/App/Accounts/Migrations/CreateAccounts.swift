import Fluent
import SQLKit

/// Organizations, customers, staff, teams and API tokens.
struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organizations")
            .id()
            .field("name", .string, .required)
            .field("domain", .string)
            .field("notes", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("customers")
            .id()
            .field("email", .string, .required)
            .field("email_normalized", .string, .required)
            .field("name", .string, .required)
            .field("phone", .string)
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("password_hash", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "email_normalized")
            .create()

        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("email_normalized", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "email_normalized")
            .create()

        try await database.schema("teams")
            .id()
            .field("name", .string, .required)
            .field("description", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()

        try await database.schema("team_memberships")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "team_id", "user_id")
            .create()

        try await database.schema("api_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("label", .string, .required)
            .field("user_id", .uuid, .references("users", "id"))
            .field("customer_id", .uuid, .references("customers", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()

        try await database.schema("setup_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()

        let sql = try database.sql
        try await sql.create(index: "customers_organization").on("customers").column("organization_id").run()
        try await sql.create(index: "team_memberships_user").on("team_memberships").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["setup_tokens", "api_tokens", "team_memberships", "teams", "users", "customers", "organizations"] {
            try await database.schema(table).delete()
        }
    }
}
