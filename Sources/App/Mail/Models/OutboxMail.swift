import Fluent
import Foundation

/// A mail waiting to go out, or gone. Queued in the same transaction as the reply it carries, so
/// an accepted reply is never lost; the delivery worker renders and sends it, retrying with backoff.
final class OutboxMail: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    enum Kind: String, Codable, Sendable {
        /// A public reply from the desk.
        case reply
        /// The automatic "we have your request" answer to a new ticket.
        case acknowledgement
        /// A staff member's alert about one of their tickets (see `StaffNotification`).
        case staffAlert = "staff_alert"
    }

    enum Status: String, Codable, Sendable {
        case queued, sending, sent, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @OptionalField(key: "message_id") var messageId: Int?
    /// The alert a `staffAlert` mail carries.
    @OptionalField(key: "notification_id") var notificationId: UUID?
    @Enum(key: "kind") var kind: Kind
    @Field(key: "recipient") var recipient: String
    @Enum(key: "status") var status: Status
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    /// The claim of the one delivery worker sending it now; only that worker may finish it.
    @OptionalField(key: "lease_token") var leaseToken: String?
    /// Our Message-ID, fixed at the first attempt so every retry is the same mail.
    @OptionalField(key: "header_message_id") var headerMessageID: String?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(ticketId: UUID, messageId: Int?, kind: Kind, recipient: String, at: Date) {
        self.ticketId = ticketId
        self.messageId = messageId
        self.kind = kind
        self.recipient = recipient
        self.status = .queued
        self.attempts = 0
        self.nextAttemptAt = at
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $messageId, $notificationId, $kind, $recipient, $status, $attempts, $nextAttemptAt, $leaseUntil, $leaseToken,
            $headerMessageID, $lastError, $createdAt, $sentAt
        ]
    }
}
