import Fluent
import Foundation

/// A file that came with a message (or was attached by an agent), stored in the blob store.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @OptionalField(key: "message_id") var messageId: Int?
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    /// The Content-ID an HTML body refers to it by (`cid:`), without angle brackets.
    @OptionalField(key: "content_id") var contentID: String?
    @Field(key: "inline") var inline: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(
        ticketId: UUID, messageId: Int?, filename: String, contentType: String, size: Int, sha256: String,
        contentID: String?, inline: Bool, at: Date
    ) {
        self.ticketId = ticketId
        self.messageId = messageId
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.contentID = contentID
        self.inline = inline
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $messageId, $filename, $contentType, $size, $sha256, $contentID, $inline, $createdAt
        ]
    }
}
