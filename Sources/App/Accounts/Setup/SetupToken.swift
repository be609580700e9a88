import Fluent
import Foundation

/// The one-time secret in the setup link printed on first start, stored hashed.
final class SetupToken: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(tokenHash: String, at: Date) {
        self.tokenHash = tokenHash
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $tokenHash, $createdAt, $usedAt] }
}
