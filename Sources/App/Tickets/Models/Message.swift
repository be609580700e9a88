import Fluent
import FrontlineCore
import Foundation

/// One public reply or inbound contact on a ticket; an internal note when `visibility` is internal.
final class Message: Model, @unchecked Sendable {
    static let schema = "messages"

    /// Database-generated, so messages of a ticket read back in the order they were stored.
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "ticket_id") var ticketId: UUID
    @Enum(key: "visibility") var visibility: MessageVisibility
    @Field(key: "author_type") var authorType: String
    @OptionalField(key: "author_id") var authorId: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    /// The HTML of an email as sanitised for display (allow-list; no scripts, forms or remote images).
    @OptionalField(key: "html") var html: String?
    @Enum(key: "channel") var channel: TicketChannel
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(ticketId: UUID, visibility: MessageVisibility, author: Actor, body: String, channel: TicketChannel, at: Date) {
        self.ticketId = ticketId
        self.visibility = visibility
        self.authorType = author.kind.rawValue
        self.authorId = author.id
        self.authorName = author.name
        self.body = body
        self.channel = channel
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $visibility, $authorType, $authorId, $authorName, $body, $html, $channel, $createdAt
        ]
    }
}
