import FrontlineCore
import Vapor

/// A ticket as the API shows it.
struct TicketDTO: Content {
    struct Requester: Content {
        let id: UUID
        let email: String
        let name: String
    }

    let id: UUID
    let number: Int
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let channel: TicketChannel
    let requester: Requester
    let organizationId: UUID?
    let ownerId: UUID?
    let teamId: UUID?
    let tags: [String]
    let customFields: JSONValue
    let handoffCount: Int
    let createdAt: Date
    let updatedAt: Date
    let firstResponseAt: Date?
    let lastCustomerContactAt: Date?
    let solvedAt: Date?
    let closedAt: Date?
    let sla: SLADTO
    let runaround: RunaroundDTO

    enum CodingKeys: String, CodingKey {
        case id, number, subject, status, priority, channel, requester, tags, sla, runaround
        case organizationId = "organization_id", ownerId = "owner_id", teamId = "team_id"
        case customFields = "custom_fields", handoffCount = "handoff_count"
        case createdAt = "created_at", updatedAt = "updated_at", firstResponseAt = "first_response_at"
        case lastCustomerContactAt = "last_customer_contact_at", solvedAt = "solved_at", closedAt = "closed_at"
    }

    init(_ ticket: Ticket, requester: Customer, tags: [String], sla: SLADTO = .unmeasured, runaround: TicketRunaround? = nil, now: Date) throws {
        id = try ticket.requireID()
        number = ticket.number
        subject = ticket.subject
        status = ticket.status
        priority = ticket.priority
        channel = ticket.channel
        self.requester = Requester(id: try requester.requireID(), email: requester.email, name: requester.name)
        organizationId = ticket.organizationId
        ownerId = ticket.ownerId
        teamId = ticket.teamId
        self.tags = tags.sorted()
        customFields = JSONValue(storedText: ticket.customFields)
        handoffCount = ticket.handoffCount
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        firstResponseAt = ticket.firstResponseAt
        lastCustomerContactAt = ticket.lastCustomerContactAt
        solvedAt = ticket.solvedAt
        closedAt = ticket.closedAt
        self.sla = sla
        self.runaround = RunaroundDTO(runaround, ticket: ticket, now: now)
    }
}

/// A page of tickets; `next_cursor` is absent on the last page.
struct TicketPage: Content {
    let tickets: [TicketDTO]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case tickets
        case nextCursor = "next_cursor"
    }
}

/// Who wrote a message or did what an event records.
struct ActorDTO: Content {
    let type: String
    let id: UUID?
    let name: String
}

/// A public message or internal note.
struct MessageDTO: Content {
    let id: Int
    let ticketId: UUID
    let visibility: MessageVisibility
    let author: ActorDTO
    let body: String
    let html: String?
    let channel: TicketChannel
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, visibility, author, body, html, channel
        case ticketId = "ticket_id", createdAt = "created_at"
    }

    init(_ message: Message) throws {
        id = try message.requireID()
        ticketId = message.ticketId
        visibility = message.visibility
        author = ActorDTO(type: message.authorType, id: message.authorId, name: message.authorName)
        body = message.body
        html = message.html
        channel = message.channel
        createdAt = message.createdAt
    }
}

/// One entry of a ticket's timeline.
struct EventDTO: Content {
    let id: Int
    let kind: String
    let actor: ActorDTO
    let at: Date
    let data: JSONValue

    init(_ event: TicketEvent) throws {
        id = try event.requireID()
        kind = event.kind
        actor = ActorDTO(type: event.actorType, id: event.actorId, name: event.actorName)
        at = event.at
        data = JSONValue(storedText: event.data)
    }
}
