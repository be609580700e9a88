import Fluent
import Foundation
import SQLKit

/// A limit of attempts per key in a window, counted in the database so it holds across app
/// instances: failed sign-ins per account and per address, contact forms and portal links per address.
///
/// An attempt is counted before the work it guards (a Bcrypt check, a ticket, a mail) and admitted
/// by the same statement: one conditional UPSERT that adds the attempt only while the count is
/// under the limit and returns the new count. The database orders concurrent statements on the
/// counter's row, so 25 concurrent guesses against a limit of 5 let exactly 5 through, on SQLite and
/// on PostgreSQL. The window opens with the first attempt counted; a refused attempt is not counted.
struct RateLimit: Sendable {
    let scope: String
    let limit: Int
    let window: TimeInterval

    static let signInPerAccount = RateLimit(scope: "sign_in_account", limit: 5, window: 15 * 60)
    /// Higher than per account: one office shares an address, and a guesser is also stopped per account.
    static let signInPerAddress = RateLimit(scope: "sign_in_address", limit: 20, window: 15 * 60)
    static let contactPerAddress = RateLimit(scope: "contact_address", limit: 5, window: 60 * 60)
    static let portalLinkPerAddress = RateLimit(scope: "portal_link_address", limit: 10, window: 15 * 60)
    /// Counters older than this have run out in every scope.
    static let longestWindow: TimeInterval = 60 * 60

    static let table = "rate_limit_counters"

    /// Whether an attempt may go ahead.
    enum Decision: Sendable, Equatable {
        case admitted
        /// Over the limit: the seconds until the window closes.
        case refused(retryAfter: Int)
    }

    /// The minutes a caller waits, as the message tells them.
    var minutes: Int { Int(window / 60) }

    /// Counts one attempt for `key` if the limit allows it.
    func admit(_ key: String, on db: any Database, at now: Date) async throws -> Decision {
        let sql = try db.sql
        let second = Self.second(now)
        let expired = second - Int64(window)
        let row = try await sql.raw("""
            INSERT INTO \(ident: Self.table) (scope, target, window_start, hits)
            VALUES (\(bind: scope), \(bind: key), \(bind: second), 1)
            ON CONFLICT (scope, target) DO UPDATE SET
              hits = CASE WHEN \(ident: Self.table).window_start <= \(bind: expired) THEN 1 ELSE \(ident: Self.table).hits + 1 END,
              window_start = CASE WHEN \(ident: Self.table).window_start <= \(bind: expired) THEN \(bind: second) ELSE \(ident: Self.table).window_start END
            WHERE \(ident: Self.table).window_start <= \(bind: expired) OR \(ident: Self.table).hits < \(bind: limit)
            RETURNING hits
            """).first()
        if row != nil { return .admitted }
        let started = try await sql.raw("""
            SELECT window_start FROM \(ident: Self.table) WHERE scope = \(bind: scope) AND target = \(bind: key)
            """).first()?.decode(column: "window_start", as: Int64.self) ?? second
        return .refused(retryAfter: Int(max(1, started + Int64(window) - second)))
    }

    /// Gives back one admitted attempt: it turned out not to be one the limit is about (a right password).
    func refund(_ key: String, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE \(ident: Self.table) SET hits = hits - 1 WHERE scope = \(bind: scope) AND target = \(bind: key) AND hits > 0
            """).run()
    }

    func clear(_ key: String, on db: any Database) async throws {
        try await db.sql.raw("DELETE FROM \(ident: Self.table) WHERE scope = \(bind: scope) AND target = \(bind: key)").run()
    }

    /// The attempts counted for `key` in its current window.
    func count(for key: String, on db: any Database, at now: Date) async throws -> Int {
        let row = try await db.sql.raw("""
            SELECT hits FROM \(ident: Self.table)
            WHERE scope = \(bind: scope) AND target = \(bind: key) AND window_start > \(bind: Self.second(now) - Int64(window))
            """).first()
        return try row?.decode(column: "hits", as: Int.self) ?? 0
    }

    /// Forgets counters whose window has closed in every scope.
    static func sweep(on db: any Database, at now: Date) async throws {
        try await db.sql.raw("DELETE FROM \(ident: table) WHERE window_start <= \(bind: second(now) - Int64(longestWindow))").run()
    }

    private static func second(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
