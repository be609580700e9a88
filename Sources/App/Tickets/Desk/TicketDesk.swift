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

    init(on db: any Database, actor: Actor, at now: Date) {
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

    /// Loads a ticket to change it. On PostgreSQL the row is locked until the transaction ends, so
    /// concurrent changes to one ticket queue up instead of overwriting each other; SQLite already
    /// has a single writer.
    func ticketForChange(_ id: UUID) async throws -> Ticket {
        _ = try await db.sql.select().column("id").from(Ticket.schema).where("id", .equal, SQLBind(id)).for(.update).all()
        guard let ticket = try await Ticket.find(id, on: db) else { throw RequestError.notFound("ticket") }
        return ticket
    }

    /// Appends an event to the ticket's timeline, and does what it sets off (see `follow`).
    @discardableResult
    func record(_ event: TimelineEvent, on ticket: Ticket) async throws -> TicketEvent {
        let row = try TicketEvent(ticketId: try ticket.requireID(), event: event, actor: actor, at: now)
        try await TimelineRows(sql: db.sql).insert(row)
        try await follow(event, on: ticket)
        return row
    }

    /// Appends a row of any kind with any data, as an import or another version may have written
    /// it. The desk's own writers use the typed `record(_:on:)`; a row this version can read
    /// (a known kind whose data is its payload) is followed up the same way.
    @discardableResult
    func record(_ kind: String, on ticket: Ticket, _ data: [String: JSONValue]) async throws -> TicketEvent {
        let row = TicketEvent(ticketId: try ticket.requireID(), kind: kind, actor: actor, at: now, data: JSONValue.object(data).storedText)
        try await TimelineRows(sql: db.sql).insert(row)
        if let event = row.timelineEvent { try await follow(event, on: ticket) }
        return row
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
        let change = TimelineEvent.StatusChange(before: ticket.status, after: next, reopened: reopened)
        ticket.status = next
        switch next {
        case .solved: ticket.solvedAt = now
        case .closed: ticket.closedAt = now
        default: ticket.solvedAt = nil
        }
        try await record(.statusChanged(change), on: ticket)
    }
}
