import Vapor
import Fluent
import SQLKit

/// The sequence human ticket numbers come from. One row, incremented inside the creating
/// transaction: the number is unique, gap-free under rollback, and the same on both databases.
enum TicketNumbers {
    static let counterName = "ticket_number"

    static func next(on db: any Database) async throws -> Int {
        let row = try await db.sql.raw(
            "UPDATE counters SET value = value + 1 WHERE name = \(bind: counterName) RETURNING value"
        ).first()
        guard let row else {
            throw Abort(.internalServerError, reason: "the ticket number sequence is missing; run `frontline migrate`")
        }
        return try row.decode(column: "value", as: Int.self)
    }
}
