import Fluent
import SQLKit
import Vapor

/// Derives calls whose events are waiting, after the webhook has stored those events and answered.
///
/// The webhook's job is to make an event durable and say so quickly; deriving the call (ticket,
/// holds, hand-offs, promises) costs far more and is done here, once per call however many of its
/// events arrived meanwhile. A call is claimed by deleting its queue row in the transaction that
/// derives it, so with several app instances each call is derived by one of them at a time, and an
/// event arriving during a derivation queues the call again. A derivation that fails is retried
/// with backoff and its error kept on the row.
struct CallDerivationQueue {
    static let schema = "call_derivations"
    static let maxAttempts = 8

    let app: Application

    /// Queues calls for derivation (inside the write that stored their events); `callRefs` distinct.
    static func enqueue(_ callRefs: [String], on db: any Database, at now: Date) async throws {
        try await db.sql.insert(into: schema)
            .columns("call_ref", "queued_at", "attempts", "next_attempt_at")
            .rows(callRefs.map { [SQLBind($0), SQLBind(now), SQLBind(0), SQLBind(now)] })
            // A new event makes a failing call worth trying again at once.
            .onConflict(with: ["call_ref"]) { $0.set(excludedValueOf: "attempts").set(excludedValueOf: "next_attempt_at") }
            .run()
    }

    /// Derives every call that is due, `batch` at a time, until none is; returns how many were derived.
    @discardableResult
    func drain(now: @escaping @Sendable () -> Date = Date.init, batch: Int = 64) async throws -> Int {
        var derived = 0
        while true {
            let refs = try await due(now: now(), limit: batch)
            if !refs.isEmpty {
                // On SQLite they take turns in the writer's background lane; on PostgreSQL they run side by side.
                derived += try await withThrowingTaskGroup(of: Int.self) { group in
                    for ref in refs { group.addTask { try await derive(ref, now: now()) ? 1 : 0 } }
                    return try await group.reduce(0, +)
                }
            }
            app.metrics.callDerivationsPending.set(Int64(try await pending()))
            if refs.count < batch { return derived }
        }
    }

    /// Calls queued and not yet derived (failing ones included).
    func pending() async throws -> Int {
        let row = try await app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Self.schema).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private func due(now: Date, limit: Int) async throws -> [String] {
        try await app.db.sql.select().column("call_ref").from(Self.schema)
            .where("next_attempt_at", .lessThanOrEqual, SQLBind(now))
            .where("attempts", .lessThan, SQLBind(Self.maxAttempts))
            .orderBy("queued_at").limit(limit)
            .all().map { try $0.decode(column: "call_ref", as: String.self) }
    }

    private func derive(_ ref: String, now: Date) async throws -> Bool {
        let config = app.frontlineConfig
        let window = config.droppedCallWindow, lead = config.promiseReminderLead
        do {
            return try await app.write(lane: .background) { db in
                let claimed = try await db.sql.delete(from: Self.schema).where("call_ref", .equal, SQLBind(ref))
                    .returning("call_ref").all()
                guard !claimed.isEmpty else { return false }
                _ = try await CallDesk(db: db, now: now, droppedCallWindow: window, reminderLead: lead).derive(callRef: ref)
                return true
            }
        } catch {
            app.logger.error("deriving call \(ref) failed: \(String(reflecting: error))")
            try await app.write { db in
                try await db.sql.update(Self.schema)
                    .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                    .set("last_error", to: SQLBind(String(String(reflecting: error).prefix(1000))))
                    .set("next_attempt_at", to: SQLBind(now.addingTimeInterval(30)))
                    .where("call_ref", .equal, SQLBind(ref))
                    .run()
            }
            return false
        }
    }
}
