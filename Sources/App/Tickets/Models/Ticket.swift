import Fluent
import FrontlineCore
import Foundation

/// One customer need, across every contact about it, with at most one accountable owner.
final class Ticket: Model, @unchecked Sendable {
    static let schema = "tickets"

    @ID(key: .id) var id: UUID?
    /// The human number people quote ("#1042"), from a sequence.
    @Field(key: "number") var number: Int
    @Field(key: "subject") var subject: String
    @Enum(key: "status") var status: TicketStatus
    @Enum(key: "priority") var priority: TicketPriority
    @Enum(key: "channel") var channel: TicketChannel
    @Field(key: "requester_id") var requesterId: UUID
    @OptionalField(key: "organization_id") var organizationId: UUID?
    @OptionalField(key: "owner_id") var ownerId: UUID?
    @OptionalField(key: "team_id") var teamId: UUID?
    /// A JSON object of the ticket's custom fields.
    @Field(key: "custom_fields") var customFields: String
    @Field(key: "handoff_count") var handoffCount: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "first_response_at") var firstResponseAt: Date?
    @OptionalField(key: "last_customer_contact_at") var lastCustomerContactAt: Date?
    @OptionalField(key: "solved_at") var solvedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    init(
        number: Int, subject: String, priority: TicketPriority, channel: TicketChannel,
        requesterId: UUID, organizationId: UUID?, teamId: UUID?, at: Date
    ) {
        self.number = number
        self.subject = subject
        self.status = .new
        self.priority = priority
        self.channel = channel
        self.requesterId = requesterId
        self.organizationId = organizationId
        self.teamId = teamId
        self.customFields = "{}"
        self.handoffCount = 0
        self.createdAt = at
        self.updatedAt = at
        self.lastCustomerContactAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $number, $subject, $status, $priority, $channel, $requesterId, $organizationId, $ownerId, $teamId, $customFields,
            $handoffCount, $createdAt, $updatedAt, $firstResponseAt, $lastCustomerContactAt, $solvedAt, $closedAt
        ]
    }
}

/// A tag on a ticket; a join table keeps tags portable and indexable on both databases.
final class TicketTag: Model, @unchecked Sendable {
    static let schema = "ticket_tags"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "tag") var tag: String
    /// The ticket's number, so that a tag filter reads its index in the list's order.
    @Field(key: "ticket_number") var ticketNumber: Int

    init() {}

    init(ticket: Ticket, tag: String) throws {
        self.ticketId = try ticket.requireID()
        self.ticketNumber = ticket.number
        self.tag = tag
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $tag, $ticketNumber] }
}
