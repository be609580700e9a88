import Fluent
import Foundation

/// One message as it arrived, before and after processing. The raw bytes live in the blob store
/// under `sha256`; the row says what became of them. Nothing is dropped: a message that cannot be
/// processed stays here as `failed` with the reason, and can be processed again.
final class InboundMail: Model, @unchecked Sendable {
    static let schema = "inbound_mails"

    enum Status: String, Codable, Sendable {
        /// Stored, not processed yet.
        case received
        /// Became (part of) a ticket.
        case processed
        /// A delivery status notification, attached to the original ticket.
        case bounce
        /// Kept but deliberately not turned into a ticket (e.g. our own mail looping back).
        case ignored
        /// Processing failed; `error` says why.
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @OptionalField(key: "message_id") var messageID: String?
    @Field(key: "size") var size: Int
    @Field(key: "source") var source: String
    @Enum(key: "status") var status: Status
    @OptionalField(key: "error") var error: String?
    @OptionalField(key: "ticket_id") var ticketId: UUID?
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "processed_at") var processedAt: Date?
    /// Who is processing it and until when (see `InboundClaim`): a crashed process's claim expires.
    @OptionalField(key: "claim_token") var claimToken: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?

    init() {}

    init(sha256: String, messageID: String?, size: Int, source: String, at: Date) {
        self.sha256 = sha256
        self.messageID = messageID
        self.size = size
        self.source = source
        self.status = .received
        self.receivedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $sha256, $messageID, $size, $source, $status, $error, $ticketId, $receivedAt, $processedAt, $claimToken, $claimedUntil
        ]
    }
}
