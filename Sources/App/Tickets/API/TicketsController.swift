import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// `/api/v1/tickets`: create, read, list and update tickets.
enum TicketsController {
    @Sendable static func create(req: Request) async throws -> Response {
        let principal = try req.principal
        let input = try req.content.decode(CreateTicketRequest.self)
        var new = TicketDesk.NewTicket(subject: input.subject, body: input.body, requesterEmail: "")
        switch principal {
        case .customer(let customer):
            // A customer opens tickets for themselves, whatever the body says.
            new.requesterEmail = customer.email
            new.requesterName = customer.name
            new.channel = .api
        case .user:
            guard let requester = input.requester else {
                throw RequestError(.unprocessableEntity, "missing_field", "requester is required", field: "requester")
            }
            // The form the API documents; mail, which reads more forms, goes through the desk directly.
            guard EmailAddress.hasDocumentedForm(requester.email) else {
                throw TicketError.invalid(field: "requester.email", reason: "'\(requester.email)' is not an email address")
            }
            new.requesterEmail = requester.email
            new.requesterName = requester.name
            new.channel = input.channel ?? .api
            new.teamId = input.teamId
            new.tags = input.tags ?? []
        }
        new.priority = input.priority ?? .normal
        // A new ticket's first message counts towards the customer's message limit.
        try await CustomerMessageLimit.count(principal.actor, request: req)
        // Presented inside the write, as the ticket was stored: no second read racing other writers.
        let created = try await req.write { [new] db -> Created in
            let opened = try await TicketDesk(on: db, actor: principal.actor, at: req.now).open(new)
            switch principal {
            case .user: return .staff(try TicketPresenter.dto(opened, now: req.now))
            case .customer: return .customer(try await CustomerTicketDTO.one(opened.ticket, on: db))
            }
        }
        req.application.metrics.ticketsCreated.increment()
        switch created {
        case .staff(let dto): return try await dto.encodeResponse(status: .created, for: req)
        case .customer(let dto): return try await dto.encodeResponse(status: .created, for: req)
        }
    }

    private enum Created: Sendable {
        case staff(TicketDTO)
        case customer(CustomerTicketDTO)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let principal = try req.principal
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: principal, on: req.db)
        return try await respond(with: ticket, to: principal, req)
    }

    /// The staff representation, or the customer's own (`CustomerTicketDTO`) for a customer token.
    static func respond(with ticket: Ticket, to principal: Principal, status: HTTPStatus = .ok, _ req: Request) async throws -> Response {
        switch principal {
        case .user: try await TicketPresenter.dto(ticket, on: req.db, now: req.now).encodeResponse(status: status, for: req)
        case .customer: try await CustomerTicketDTO.one(ticket, on: req.db).encodeResponse(status: status, for: req)
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let principal = try req.principal
        let filter = try TicketFilter(from: req)
        // The hottest read of the API: bound SQL, rows read without the model layer (`ModelRows`).
        let query = try req.db.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier(Ticket.schema)))
            .from(Ticket.schema)
        func ticket(_ column: String) -> SQLColumn { SQLColumn(column, table: Ticket.schema) }
        // The same number, read from the tag's index when a tag filters the page (no sort).
        let number = filter.tag == nil ? ticket("number") : SQLColumn("ticket_number", table: TicketTag.schema)
        if case .customer(let customer) = principal {
            // Filtering by a tag, owner, team or runaround flag would tell a customer what only the desk sees.
            if filter.tag != nil || filter.ownerId != nil || filter.teamId != nil || filter.flaggedRunaround {
                throw RequestError.forbidden("a customer token filters its tickets by status only")
            }
            query.where(ticket("requester_id"), .equal, SQLBind(try customer.requireID()))
        }
        if let status = filter.status { query.where(ticket("status"), .equal, SQLBind(status.rawValue)) }
        if let ownerId = filter.ownerId { query.where(ticket("owner_id"), .equal, SQLBind(ownerId)) }
        if let teamId = filter.teamId { query.where(ticket("team_id"), .equal, SQLBind(teamId)) }
        if let email = filter.requesterEmail {
            guard let requester = try await CustomerDirectory.find(email: email, on: req.db) else {
                return try await respond(with: [], next: nil, to: principal, req)
            }
            query.where(ticket("requester_id"), .equal, SQLBind(try requester.requireID()))
        }
        if let tag = filter.tag {
            query.join(TicketTag.schema, on: SQLColumn("ticket_id", table: TicketTag.schema), .equal, ticket("id"))
                .where(SQLColumn("tag", table: TicketTag.schema), .equal, SQLBind(tag))
        }
        if filter.flaggedRunaround {
            query.join(TicketRunaround.schema, on: SQLColumn("id", table: TicketRunaround.schema), .equal, ticket("id"))
                .where(SQLColumn("flagged", table: TicketRunaround.schema), .equal, SQLBind(true))
        }
        if let after = filter.afterNumber { query.where(number, .lessThan, SQLBind(after)) }
        let tickets: [Ticket] = try await query.orderBy(number, SQLDirection.descending).limit(filter.limit + 1).all()
            .map { try ModelRows.model($0) }
        let rows = Array(tickets.prefix(filter.limit))
        let next = tickets.count > filter.limit ? rows.last.map { TicketCursor.encode($0.number) } : nil
        return try await respond(with: rows, next: next, to: principal, req)
    }

    private static func respond(with tickets: [Ticket], next: String?, to principal: Principal, _ req: Request) async throws -> Response {
        switch principal {
        case .user:
            try await TicketPage(tickets: try await TicketPresenter.dtos(tickets, on: req.db, now: req.now), nextCursor: next).encodeResponse(for: req)
        case .customer:
            try await CustomerTicketPage(tickets: try await CustomerTicketDTO.many(tickets, on: req.db), nextCursor: next).encodeResponse(for: req)
        }
    }

    @Sendable static func update(req: Request) async throws -> TicketDTO {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(UpdateTicketRequest.self)
        let changes = TicketDesk.Changes(
            status: input.status, priority: input.priority, tags: input.tags, teamId: input.teamId,
            customFields: input.customFields)
        return try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            try await desk.update(ticket, with: changes)
            return try await TicketPresenter.dto(ticket, on: db, now: req.now)
        }
    }
}
