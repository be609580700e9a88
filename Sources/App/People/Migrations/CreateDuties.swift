import Fluent
import SQLKit

/// The duty log and the occurrences of ad-hoc duties.
struct CreateDuties: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("duties")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("name", .string, .required)
            .field("cadence", .string, .required)
            .field("minutes", .int64, .required)
            .field("category", .string, .required)
            .field("requested_by", .string)
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("duty_occurrences")
            .id()
            .field("duty_id", .uuid, .required, .references("duties", "id"))
            .field("on", .string, .required)
            .field("minutes", .int64)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "duties_user").on("duties").column("user_id").run()
        try await sql.create(index: "duty_occurrences_duty").on("duty_occurrences").column("duty_id").column("on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("duty_occurrences").delete()
        try await database.schema("duties").delete()
    }
}
