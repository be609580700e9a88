import Fluent
import FrontlineCore
import Vapor

/// A ticket as its customer sees it through the API: what they asked, where it stands and who
/// looks after it, by name. Tags, custom fields, staff ids, the team, SLA clocks and runaround
/// figures are the desk's business and never reach a customer token.
struct CustomerTicketDTO: Content {
    let id: UUID
    let number: Int
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let channel: TicketChannel
    /// The display name of the ticket's owner; absent while nobody owns it.
    let ownerName: String?
    let createdAt: Date
    let updatedAt: Date
    let firstResponseAt: Date?
    let solvedAt: Date?
    let closedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, priority, channel
        case ownerName = "owner_name", createdAt = "created_at", updatedAt = "updated_at"
        case firstResponseAt = "first_response_at", solvedAt = "solved_at", closedAt = "closed_at"
    }

    init(_ ticket: Ticket, ownerName: String?) throws {
        id = try ticket.requireID()
        number = ticket.number
        subject = ticket.subject
        status = ticket.status
        priority = ticket.priority
        channel = ticket.channel
        self.ownerName = ownerName
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        solvedAt = ticket.solvedAt
        closedAt = ticket.closedAt
    }

    /// The customer representation of each ticket, with one query for the owners' names.
    static func many(_ tickets: [Ticket], on db: any Database) async throws -> [CustomerTicketDTO] {
        let ownerIds = Array(Set(tickets.compactMap(\.ownerId)))
        let owners = ownerIds.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ ownerIds).all()
        let names = Dictionary(uniqueKeysWithValues: owners.compactMap { user in user.id.map { ($0, user.name) } })
        return try tickets.map { try CustomerTicketDTO($0, ownerName: $0.ownerId.flatMap { names[$0] }) }
    }

    static func one(_ ticket: Ticket, on db: any Database) async throws -> CustomerTicketDTO {
        try await many([ticket], on: db)[0]
    }
}

/// A page of a customer's tickets; `next_cursor` is absent on the last page.
struct CustomerTicketPage: Content {
    let tickets: [CustomerTicketDTO]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case tickets
        case nextCursor = "next_cursor"
    }
}

/// A public message as the customer sees it: who wrote it by name and kind, never a staff id.
struct CustomerMessageDTO: Content {
    struct Author: Content {
        let type: String
        let name: String
    }

    let id: Int
    let ticketId: UUID
    let author: Author
    let body: String
    let html: String?
    let channel: TicketChannel
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, author, body, html, channel
        case ticketId = "ticket_id", createdAt = "created_at"
    }

    init(_ message: Message) throws {
        id = try message.requireID()
        ticketId = message.ticketId
        author = Author(type: message.authorType, name: message.authorName)
        body = message.body
        html = message.html
        channel = message.channel
        createdAt = message.createdAt
    }
}
