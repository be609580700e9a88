import Fluent

/// One counter row per limit and key, replacing a row per hit: a conditional UPSERT on it counts
/// and admits an attempt in one statement (see `RateLimit`). `rate_limit_hits` is no longer written.
struct CreateRateLimitCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RateLimit.table)
            .field("scope", .string, .required)
            .field("target", .string, .required)
            // Unix seconds: compared and computed in SQL the same way on both databases.
            .field("window_start", .int64, .required)
            .field("hits", .int64, .required)
            .unique(on: "scope", "target")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RateLimit.table).delete()
    }
}
