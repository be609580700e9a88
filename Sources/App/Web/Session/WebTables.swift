import Fluent
import Foundation

/// A named desk view an agent keeps in the sidebar: a name and the query of the ticket list.
final class SavedFilter: Model, @unchecked Sendable {
    static let schema = "saved_filters"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "name") var name: String
    /// The list's query string, e.g. `status=pending&priority=urgent&tag=vip`.
    @Field(key: "query") var query: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userId: UUID, name: String, query: String, at: Date) {
        self.userId = userId
        self.name = name
        self.query = query
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userId, $name, $query, $createdAt] }
}

/// An agent who has a ticket open, refreshed by a small beacon while the page is open; what the
/// collision warning shows to the others on the same ticket.
final class TicketPresence: Model, @unchecked Sendable {
    static let schema = "ticket_presence"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "user_id") var userId: UUID
    @Field(key: "user_name") var userName: String
    @Field(key: "typing") var typing: Bool
    @Field(key: "seen_at") var seenAt: Date

    init() {}

    init(ticketId: UUID, userId: UUID, userName: String, typing: Bool, at: Date) {
        self.ticketId = ticketId
        self.userId = userId
        self.userName = userName
        self.typing = typing
        self.seenAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $userId, $userName, $typing, $seenAt] }
}

/// A one-time sign-in link for the customer portal, stored hashed, good for 30 minutes.
final class PortalLink: Model, @unchecked Sendable {
    static let schema = "portal_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "customer_id") var customerId: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(tokenHash: String, customerId: UUID, at: Date) {
        self.tokenHash = tokenHash
        self.customerId = customerId
        self.createdAt = at
        self.expiresAt = at.addingTimeInterval(Self.lifetime)
    }

    static let lifetime: TimeInterval = 30 * 60

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $tokenHash, $customerId, $createdAt, $expiresAt, $usedAt] }
}
