import Fluent
import Foundation
import SQLKit

/// One process's claim on a stored message while it processes it. Taken with a conditional update,
/// so of everyone who may pick a message up (the delivery that stored it, a redelivery, the recovery
/// at start, another instance) exactly one processes it; the claim expires, so a process that dies
/// mid-way leaves the message for the next one instead of holding it forever.
struct InboundClaim: Sendable {
    /// Long enough for any message's processing; a claim older than this belongs to a dead process.
    static let lease: TimeInterval = 60

    let id: UUID
    let token: String

    /// Claims a `received` message nobody holds a live claim on; nil when someone else has it or it is done.
    static func take(_ id: UUID, on db: any Database, now: Date) async throws -> InboundClaim? {
        let token = UUID().uuidString
        let rows = try await db.sql.raw("""
            UPDATE inbound_mails SET claim_token = \(bind: token), claimed_until = \(bind: now.addingTimeInterval(lease))
            WHERE id = \(bind: id) AND status = 'received' AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id
            """).all()
        return rows.isEmpty ? nil : InboundClaim(id: id, token: token)
    }

    /// Claims a `failed` message to process it again, putting it back to `received`.
    static func reopen(_ id: UUID, on db: any Database, now: Date) async throws -> InboundClaim? {
        let token = UUID().uuidString
        let rows = try await db.sql.raw("""
            UPDATE inbound_mails SET status = 'received', error = NULL, claim_token = \(bind: token),
                claimed_until = \(bind: now.addingTimeInterval(lease))
            WHERE id = \(bind: id) AND status = 'failed'
            RETURNING id
            """).all()
        return rows.isEmpty ? nil : InboundClaim(id: id, token: token)
    }

    /// First statement of the transaction that processes the message: true while the claim is still
    /// ours. On PostgreSQL it also locks the row, so a late competitor waits and then finds it done.
    func confirm(on db: any Database) async throws -> Bool {
        let rows = try await db.sql.raw("""
            UPDATE inbound_mails SET claimed_until = NULL
            WHERE id = \(bind: id) AND claim_token = \(bind: token) AND status = 'received'
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Records why processing failed, unless someone else has taken the message over meanwhile.
    func fail(reason: String, on db: any Database, now: Date) async throws {
        try await db.sql.raw("""
            UPDATE inbound_mails SET status = 'failed', error = \(bind: String(reason.prefix(2000))), processed_at = \(bind: now),
                claimed_until = NULL
            WHERE id = \(bind: id) AND claim_token = \(bind: token) AND status = 'received'
            """).run()
    }

    /// The claim was taken over (it expired and another process claimed the message).
    struct Lost: Error {}
}
