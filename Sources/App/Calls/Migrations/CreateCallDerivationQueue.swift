import Fluent
import SQLKit

/// The calls whose events arrived but whose record and consequences are not yet derived: one row
/// per call however many events wait, so a burst of events for one call is derived once.
struct CreateCallDerivationQueue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallDerivationQueue.schema)
            .field("call_ref", .string, .identifier(auto: false))
            .field("queued_at", .datetime, .required)
            .field("attempts", .int64, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .create()
        try await database.sql.create(index: "call_derivations_due").on(CallDerivationQueue.schema)
            .column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallDerivationQueue.schema).delete()
    }
}
