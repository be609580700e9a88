import Foundation

// The payloads of the mail events: delivery (`MailDelivery`), bounces (`BounceRecorder`),
// follow-ups (`MailProcessor`) and participants (`TicketParticipants`).

extension TimelineEvent {
    /// `mail_sent`: the server accepted the mail for these recipients.
    struct MailSent: Codable, Sendable, Equatable {
        var kind: OutboxMail.Kind
        var recipients: [String]
        @NullWhenAbsent var messageId: String?

        enum CodingKeys: String, CodingKey {
            case kind, recipients
            case messageId = "message_id"
        }
    }

    /// `delivery_failed`: a mail, or one recipient of it, the customer will not get.
    struct DeliveryFailure: Codable, Sendable, Equatable {
        var recipient: String
        var reason: String
        var permanent: Bool
        /// The outbox mail's kind; absent when one recipient of a sent mail was refused.
        var kind: OutboxMail.Kind?
    }

    /// `mail_bounced`: a delivery status notification about a mail of this ticket.
    struct MailBounce: Codable, Sendable, Equatable {
        var messageId: String
        var permanent: Bool
        var recipients: [Recipient]

        struct Recipient: Codable, Sendable, Equatable {
            var email: String
            var action: String
            var status: String
            @NullWhenAbsent var diagnostic: String?
        }

        enum CodingKeys: String, CodingKey {
            case permanent, recipients
            case messageId = "message_id"
        }
    }

    /// `follow_up_created`, on the closed ticket a reply reopened as a new one.
    struct FollowUpCreated: Codable, Sendable, Equatable {
        var followUpNumber: Int

        enum CodingKeys: String, CodingKey { case followUpNumber = "follow_up_number" }
    }

    /// `follow_up_of`, on that new ticket.
    struct FollowUpOf: Codable, Sendable, Equatable {
        var originalNumber: Int

        enum CodingKeys: String, CodingKey { case originalNumber = "original_number" }
    }

    /// `participant_added` and `participant_removed`.
    struct ParticipantChange: Codable, Sendable, Equatable {
        var email: String
    }
}
