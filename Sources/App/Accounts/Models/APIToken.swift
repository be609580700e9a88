import Crypto
import Fluent
import Foundation

/// A bearer token for the API, belonging to a user or to a customer. Only its SHA-256 is stored:
/// the token is shown once, when it is made.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "label") var label: String
    @OptionalField(key: "user_id") var userId: UUID?
    @OptionalField(key: "customer_id") var customerId: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tokenHash: String, label: String, userId: UUID?, customerId: UUID?, at: Date) {
        self.tokenHash = tokenHash
        self.label = label
        self.userId = userId
        self.customerId = customerId
        self.createdAt = at
    }

    /// A new random token (256 bits, URL-safe) and the hash to store for it.
    static func generate() -> (token: String, hash: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = "fl_" + bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return (token, hash(token))
    }

    /// SHA-256 is right for tokens: they are long random secrets, not guessable passwords.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $tokenHash, $label, $userId, $customerId, $createdAt] }
}
