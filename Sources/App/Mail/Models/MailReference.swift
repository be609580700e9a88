import Fluent
import Foundation

/// A Message-ID Frontline sent or received, and the ticket it belongs to: how replies find their
/// ticket through In-Reply-To and References.
final class MailReference: Model, @unchecked Sendable {
    static let schema = "mail_references"

    @ID(key: .id) var id: UUID?
    @Field(key: "message_id") var messageID: String
    @Field(key: "ticket_id") var ticketId: UUID
    /// `in` for received mail, `out` for mail we sent.
    @Field(key: "direction") var direction: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(messageID: String, ticketId: UUID, direction: String, at: Date) {
        self.messageID = messageID
        self.ticketId = ticketId
        self.direction = direction
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $messageID, $ticketId, $direction, $createdAt] }
}

/// Someone copied on a ticket's mail (Cc) who receives its replies and may write to it.
final class TicketParticipant: Model, @unchecked Sendable {
    static let schema = "ticket_participants"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(ticketId: UUID, email: String, name: String?, at: Date) {
        self.ticketId = ticketId
        self.email = email
        self.name = name
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $email, $name, $createdAt] }
}

/// An address whose mail bounced permanently; replies to it fail fast and show why.
final class BouncingAddress: Model, @unchecked Sendable {
    static let schema = "bouncing_addresses"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "reason") var reason: String
    @Field(key: "bounced_at") var bouncedAt: Date

    init() {}

    init(email: String, reason: String, at: Date) {
        self.email = email
        self.reason = reason
        self.bouncedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $email, $reason, $bouncedAt] }
}

/// An address copied (To/Cc) on a threaded reply that is not on the ticket yet. Copying a stranger
/// must not subscribe them to a customer's ticket, so they wait here for an agent to add them.
final class ParticipantSuggestion: Model, @unchecked Sendable {
    static let schema = "ticket_participant_suggestions"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $email, $name, $createdAt] }
}
