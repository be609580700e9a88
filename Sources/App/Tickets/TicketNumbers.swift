import Fluent
import SQLKit
import Vapor

/// The sequence human ticket numbers come from, the same on both databases from the outside.
///
/// On SQLite a counter row is incremented inside the creating transaction (there is one writer, so
/// nothing waits on it, and a rolled-back creation leaves no gap). On PostgreSQL a real sequence is
/// used: a counter row would be locked by each creating transaction until it commits, making all
/// concurrent creations queue behind one lock; a sequence never waits (a rollback may skip a number).
enum TicketNumbers {
    static let counterName = "ticket_number"
    static let sequenceName = "ticket_numbers"

    static func next(on db: any Database) async throws -> Int {
        let sql = try db.sql
        let row: (any SQLRow)?
        if sql.dialect.name == "postgresql" {
            // The name is our own constant: nextval takes a regclass, which a bound text value is not.
            row = try await sql.raw("SELECT nextval('\(unsafeRaw: sequenceName)') AS value").first()
        } else {
            row = try await sql.raw(
                "UPDATE counters SET value = value + 1 WHERE name = \(bind: counterName) RETURNING value"
            ).first()
        }
        guard let row else {
            throw Abort(.internalServerError, reason: "the ticket number sequence is missing; run `frontline migrate`")
        }
        return try row.decode(column: "value", as: Int.self)
    }
}

/// On PostgreSQL, ticket numbers come from a sequence that continues the counter.
struct CreateTicketNumberSequence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE SEQUENCE IF NOT EXISTS \(unsafeRaw: TicketNumbers.sequenceName) AS BIGINT").run()
        try await sql.raw("""
            SELECT setval('\(unsafeRaw: TicketNumbers.sequenceName)', (SELECT value FROM counters WHERE name = \(bind: TicketNumbers.counterName)))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP SEQUENCE IF EXISTS \(unsafeRaw: TicketNumbers.sequenceName)").run()
    }
}
