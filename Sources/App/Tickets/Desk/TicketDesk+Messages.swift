import Fluent
import FrontlineCore
import Vapor

extension TicketDesk {
    /// Adds a public message or an internal note, with what that means for the ticket: a customer's
    /// message reopens a ticket waiting on them; the first public staff reply is the first response;
    /// staff may set the status in the same step ("reply and set pending").
    func addMessage(
        to ticket: Ticket, body rawBody: String, visibility: MessageVisibility, channel: TicketChannel,
        statusAfter: TicketStatus? = nil
    ) async throws -> Message {
        try ensureOpenForChange(ticket)
        let body = try TicketInput.body(rawBody)
        if actor.kind == .customer && visibility == .internal { throw TicketError.customerCannotAddNotes }

        let message = Message(
            ticketId: try ticket.requireID(), visibility: visibility, author: actor, body: body, channel: channel, at: now)
        try await MessageRows(sql: db.sql).insert(message)
        let added = try newMessage(message)
        try await record(visibility == .public ? .messageAdded(added) : .noteAdded(added), on: ticket)

        if visibility == .public {
            switch actor.kind {
            case .customer:
                ticket.lastCustomerContactAt = now
                let next = ticket.status.afterCustomerContact
                try await changeStatus(of: ticket, to: next, reopened: ticket.status == .solved && next == .open)
            case .user:
                if ticket.firstResponseAt == nil { ticket.firstResponseAt = now }
                // The customer wrote by email, so the answer goes back by email, from the same transaction.
                if ticket.channel == .email { try await MailOutbox(db: db, now: now).enqueueReply(message, on: ticket) }
            case .system:
                break
            }
        }
        if let statusAfter, actor.kind != .customer {
            try await changeStatus(of: ticket, to: statusAfter)
        }
        ticket.updatedAt = now
        try await ticket.save(on: db)
        return message
    }

    /// The payload of the message's `message_added` or `note_added`.
    func newMessage(_ message: Message) throws -> TimelineEvent.NewMessage {
        guard let authorType = Actor.Kind(rawValue: message.authorType) else {
            throw Abort(.internalServerError, reason: "a message by an unknown kind of author: \(message.authorType)")
        }
        return TimelineEvent.NewMessage(
            messageId: try message.requireID(), visibility: message.visibility, channel: message.channel, authorType: authorType)
    }
}
