import Crypto
import Fluent
import Foundation

/// A signed-in browser: a staff member at the desk or a customer in the portal. Stored in the
/// database so any number of app instances serve one desk; the cookie holds a random secret and
/// only its SHA-256 is stored, so a copy of the database cannot be used to sign in.
final class WebSession: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "user_id") var userId: UUID?
    @OptionalField(key: "customer_id") var customerId: UUID?
    /// The token every form of this session carries (see `CSRFProtection`).
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userId: UUID?, customerId: UUID?, csrfToken: String, at: Date, lifetime: TimeInterval) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.customerId = customerId
        self.csrfToken = csrfToken
        self.createdAt = at
        self.expiresAt = at.addingTimeInterval(lifetime)
    }

    /// Staff sign in once per working day; a stolen cookie is worth at most that long.
    static let lifetime: TimeInterval = 12 * 3600

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $tokenHash, $userId, $customerId, $csrfToken, $createdAt, $expiresAt] }
}

/// Random secrets for cookies, CSRF tokens and one-time links.
enum WebSecret {
    /// 256 random bits, URL-safe.
    static func make() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without an early exit, so timing does not reveal how much of a token matched.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
