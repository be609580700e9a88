import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// The operations on tickets. Every surface (API, web, mail, calls, CLI, demo) goes through here,
/// so each change follows the desk's rules and records its event in one place.
///
/// A desk works inside one write transaction (`Request.write`), acting for one actor at one instant.
struct TicketDesk {
    let db: any Database
    let actor: Actor
    let now: Date

    init(on db: any Database, actor: Actor, at now: Date = Date()) {
        self.db = db
        self.actor = actor
        self.now = now
    }

    /// What a new ticket starts from.
    struct NewTicket: Sendable {
        var subject: String
        var body: String
        var requesterEmail: String
        var requesterName: String?
        var channel: TicketChannel = .api
        var priority: TicketPriority = .normal
        var tags: [String] = []
        var teamId: UUID?
    }

    /// Opens a ticket for the requester (found or created by email); the body is their first message.
    /// `requesterFromMail`: the address is a mail sender's, checked as mail servers do (see `EmailAddress.isMailbox`).
    func create(_ new: NewTicket, requesterFromMail: Bool = false) async throws -> Ticket {
        let subject = try TicketInput.subject(new.subject)
        let body = try TicketInput.body(new.body)
        let tags = try TicketInput.tags(new.tags)
        guard requesterFromMail ? EmailAddress.isMailbox(new.requesterEmail) : EmailAddress.isValid(new.requesterEmail) else {
            throw TicketError.invalid(field: "requester.email", reason: "'\(new.requesterEmail)' is not an email address")
        }
        if let teamId = new.teamId, try await Team.find(teamId, on: db) == nil {
            throw TicketError.invalid(field: "team_id", reason: "no team has that id")
        }
        let requester = try await CustomerDirectory.findOrCreate(
            email: new.requesterEmail, name: new.requesterName, on: db, at: now)

        let ticket = Ticket(
            number: try await TicketNumbers.next(on: db), subject: subject, priority: new.priority,
            channel: new.channel, requesterId: try requester.requireID(),
            organizationId: requester.organizationId, teamId: new.teamId, at: now)
        try await ticket.create(on: db)
        let ticketId = try ticket.requireID()
        for tag in tags { try await TicketTag(ticketId: ticketId, tag: tag).create(on: db) }

        try await record(.created, on: ticket, [
            "subject": .string(subject), "status": .string(ticket.status.rawValue),
            "priority": .string(new.priority.rawValue), "channel": .string(new.channel.rawValue),
            "requester_id": .string(try requester.requireID().uuidString),
            "team_id": new.teamId.map { .string($0.uuidString) } ?? .null,
            "tags": .array(tags.map { .string($0) }),
        ])
        // The request is the customer's own words, whoever typed it in.
        let message = Message(
            ticketId: ticketId, visibility: .public, author: .customer(requester), body: body,
            channel: new.channel, at: now)
        try await message.create(on: db)
        try await record(.messageAdded, on: ticket, messageData(message))
        return ticket
    }

    /// Loads a ticket to change it. On PostgreSQL the row is locked until the transaction ends, so
    /// concurrent changes to one ticket queue up instead of overwriting each other; SQLite already
    /// has a single writer.
    func ticketForChange(_ id: UUID) async throws -> Ticket {
        _ = try await db.sql.select().column("id").from(Ticket.schema).where("id", .equal, SQLBind(id)).for(.update).all()
        guard let ticket = try await Ticket.find(id, on: db) else { throw RequestError.notFound("ticket") }
        return ticket
    }

    /// Appends an event to the ticket's timeline.
    @discardableResult
    func record(_ kind: EventKind, on ticket: Ticket, _ data: [String: JSONValue]) async throws -> TicketEvent {
        try await record(kind.rawValue, on: ticket, data)
    }

    /// Appends an event of a kind defined by a later feature.
    @discardableResult
    func record(_ kind: String, on ticket: Ticket, _ data: [String: JSONValue]) async throws -> TicketEvent {
        let event = TicketEvent(
            ticketId: try ticket.requireID(), kind: kind, actor: actor, at: now, data: JSONValue.object(data).storedText)
        try await event.create(on: db)
        try await follow(kind, data: data, on: ticket)
        return event
    }

    func ensureOpenForChange(_ ticket: Ticket) throws {
        if ticket.status == .closed { throw TicketError.closed(number: ticket.number) }
    }

    /// Moves the ticket to `next`, keeping the solved/closed times and recording the change.
    func changeStatus(of ticket: Ticket, to next: TicketStatus, reopened: Bool = false) async throws {
        guard ticket.status != next else { return }
        guard ticket.status.canChange(to: next) else {
            throw TicketError.invalidStatusChange(from: ticket.status.rawValue, to: next.rawValue)
        }
        var data: [String: JSONValue] = ["before": .string(ticket.status.rawValue), "after": .string(next.rawValue)]
        if reopened { data["reopened"] = .bool(true) }
        ticket.status = next
        switch next {
        case .solved: ticket.solvedAt = now
        case .closed: ticket.closedAt = now
        default: ticket.solvedAt = nil
        }
        try await record(.statusChanged, on: ticket, data)
    }
}
