import Fluent
import FrontlineCore
import SQLKit
import Vapor

extension TicketDesk {
    /// A ticket just opened, with everything its DTO shows, so the answer needs no read back.
    struct OpenedTicket: Sendable {
        let ticket: Ticket
        let requester: Customer
        let tags: [String]
        let runaround: TicketRunaround
        let clocks: [SLAClockRecord]
        let calendars: [UUID: BusinessCalendar]
    }

    /// Opens a ticket for the requester (found or created by email); the body is their first message.
    /// `requesterFromMail`: the address is a mail sender's, checked as mail servers do (see `EmailAddress.isMailbox`).
    func create(_ new: NewTicket, requesterFromMail: Bool = false) async throws -> Ticket {
        try await open(new, requesterFromMail: requesterFromMail).ticket
    }

    /// `create`, keeping what was stored. Every surface opens tickets here, the hottest write of the
    /// desk, so it is bound SQL through small row types, not the model layer: the requester (found,
    /// or created), the number, the ticket, its tags, its first message, all its events in one
    /// insert, its runaround counters and SLA clocks, computed here rather than event by event.
    func open(_ new: NewTicket, requesterFromMail: Bool = false) async throws -> OpenedTicket {
        let subject = try TicketInput.subject(new.subject)
        let body = try TicketInput.body(new.body)
        let tags = try TicketInput.tags(new.tags)
        guard requesterFromMail ? EmailAddress.isMailbox(new.requesterEmail) : EmailAddress.isValid(new.requesterEmail) else {
            throw TicketError.invalid(field: "requester.email", reason: "'\(new.requesterEmail)' is not an email address")
        }
        let sql = try db.sql
        if let teamId = new.teamId,
            try await sql.select().column("id").from(Team.schema).where("id", .equal, SQLBind(teamId)).first() == nil
        {
            throw TicketError.invalid(field: "team_id", reason: "no team has that id")
        }
        let requester = try await CustomerDirectory.findOrCreate(
            email: new.requesterEmail, name: new.requesterName, on: db, at: now)

        let ticket = Ticket(
            number: try await TicketNumbers.next(on: db), subject: subject, priority: new.priority,
            channel: new.channel, requesterId: try requester.requireID(),
            organizationId: requester.organizationId, teamId: new.teamId, at: now)
        ticket.id = UUID()
        let ticketId = try ticket.requireID()
        try await NewTicketRows(sql: sql).insert(ticket)
        try await NewTicketRows(sql: sql).insertTags(tags, of: ticket)
        // The request is the customer's own words, whoever typed it in.
        let message = Message(
            ticketId: ticketId, visibility: .public, author: .customer(requester), body: body,
            channel: new.channel, at: now)
        try await MessageRows(sql: sql).insert(message)

        // The timeline, and what `follow` would make of it event by event.
        var events: [TimelineEvent] = [
            .created(.init(
                subject: subject, status: ticket.status, priority: new.priority, channel: new.channel,
                requesterId: try requester.requireID(), teamId: new.teamId, tags: tags)),
            .messageAdded(try newMessage(message)),
        ]
        let runaround = try RunaroundCounters.opening(ticket, channel: new.channel.rawValue, at: now)
        if let flagged = runaround.flagged { events.append(.runaroundFlagged(flagged)) }
        try await TimelineRows(sql: sql).insert(try events.map { try TicketEvent(ticketId: ticketId, event: $0, actor: actor, at: now) })
        try await RunaroundRows(sql: sql).insert(runaround.row)
        let sla = try await SLAClocks(desk: self).openingClocks(ticket, tags: Set(tags))
        try await SLARows(sql: sql).insert(sla.clocks)
        for event in events { try await settle(event, on: ticket) }

        var calendars: [UUID: BusinessCalendar] = [:]
        if let calendar = sla.calendar { calendars[calendar.id] = calendar.calendar }
        return OpenedTicket(
            ticket: ticket, requester: requester, tags: tags, runaround: runaround.row, clocks: sla.clocks, calendars: calendars)
    }
}
