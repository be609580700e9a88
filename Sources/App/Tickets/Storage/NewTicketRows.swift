import Fluent
import Foundation
import SQLKit

/// A new ticket's rows in `tickets` and `ticket_tags`: one bound INSERT for the ticket,
/// one for all its tags, no model-layer reflection.
struct NewTicketRows {
    let sql: any SQLDatabase

    /// Stores a new ticket (its id set by the caller) and marks the model as stored.
    func insert(_ ticket: Ticket) async throws {
        try await sql.insert(into: Ticket.schema)
            .columns(
                "id", "number", "subject", "status", "priority", "channel", "requester_id", "organization_id", "owner_id", "team_id",
                "custom_fields", "handoff_count", "created_at", "updated_at", "first_response_at", "last_customer_contact_at",
                "solved_at", "closed_at")
            .values([
                SQLBind(try ticket.requireID()), SQLBind(ticket.number), SQLBind(ticket.subject), SQLBind(ticket.status.rawValue),
                SQLBind(ticket.priority.rawValue), SQLBind(ticket.channel.rawValue), SQLBind(ticket.requesterId),
                SQLValues.bind(ticket.organizationId), SQLValues.bind(ticket.ownerId), SQLValues.bind(ticket.teamId),
                SQLBind(ticket.customFields), SQLBind(ticket.handoffCount), SQLBind(ticket.createdAt), SQLBind(ticket.updatedAt),
                SQLValues.bind(ticket.firstResponseAt), SQLValues.bind(ticket.lastCustomerContactAt), SQLValues.bind(ticket.solvedAt),
                SQLValues.bind(ticket.closedAt),
            ] as [any SQLExpression])
            .run()
        ticket.$id.exists = true
    }

    /// Tags a new ticket, all tags in one statement.
    func insertTags(_ tags: [String], of ticket: Ticket) async throws {
        guard !tags.isEmpty else { return }
        let ticketId = try ticket.requireID()
        let insert = sql.insert(into: TicketTag.schema).columns("id", "ticket_id", "tag", "ticket_number")
        for tag in tags {
            insert.values([SQLBind(UUID()), SQLBind(ticketId), SQLBind(tag), SQLBind(ticket.number)] as [any SQLExpression])
        }
        try await insert.run()
    }
}
