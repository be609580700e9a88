import Fluent
import Foundation

/// A limit of hits per key in a sliding window, counted in the database so it holds across app
/// instances: failed sign-ins per account and per address, contact forms and portal links per address.
struct RateLimit: Sendable {
    let scope: String
    let limit: Int
    let window: TimeInterval

    static let signInPerAccount = RateLimit(scope: "sign_in_account", limit: 5, window: 15 * 60)
    /// Higher than per account: one office shares an address, and a guesser is also stopped per account.
    static let signInPerAddress = RateLimit(scope: "sign_in_address", limit: 20, window: 15 * 60)
    static let contactPerAddress = RateLimit(scope: "contact_address", limit: 5, window: 60 * 60)
    static let portalLinkPerAddress = RateLimit(scope: "portal_link_address", limit: 10, window: 15 * 60)

    /// The minutes a caller waits, as the message tells them.
    var minutes: Int { Int(window / 60) }

    func isExceeded(for key: String, on db: any Database, at now: Date = Date()) async throws -> Bool {
        let hits = try await RateLimitHit.query(on: db)
            .filter(\.$scope == scope).filter(\.$key == key).filter(\.$at > now.addingTimeInterval(-window))
            .count()
        return hits >= limit
    }

    func hit(_ key: String, on db: any Database, at now: Date = Date()) async throws {
        try await RateLimitHit(scope: scope, key: key, at: now).create(on: db)
    }

    func clear(_ key: String, on db: any Database) async throws {
        try await RateLimitHit.query(on: db).filter(\.$scope == scope).filter(\.$key == key).delete()
    }
}
