import Fluent
import FrontlineCore
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
            new.requesterEmail = requester.email
            new.requesterName = requester.name
            new.channel = input.channel ?? .api
            new.teamId = input.teamId
            new.tags = input.tags ?? []
        }
        new.priority = input.priority ?? .normal
        let dto = try await req.write { [new] db in
            try TicketPresenter.dto(try await TicketDesk(on: db, actor: principal.actor).open(new))
        }
        req.application.metrics.ticketsCreated.increment()
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(req: Request) async throws -> TicketDTO {
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: try req.principal, on: req.db)
        return try await TicketPresenter.dto(ticket, on: req.db)
    }

    @Sendable static func list(req: Request) async throws -> TicketPage {
        let principal = try req.principal
        let filter = try TicketFilter(from: req)
        let query = Ticket.query(on: req.db)
        if case .customer(let customer) = principal { query.filter(\.$requesterId == (try customer.requireID())) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let ownerId = filter.ownerId { query.filter(\.$ownerId == ownerId) }
        if let teamId = filter.teamId { query.filter(\.$teamId == teamId) }
        if let email = filter.requesterEmail {
            guard let requester = try await CustomerDirectory.find(email: email, on: req.db) else {
                return TicketPage(tickets: [], nextCursor: nil)
            }
            query.filter(\.$requesterId == (try requester.requireID()))
        }
        if let tag = filter.tag {
            query.join(TicketTag.self, on: \Ticket.$id == \TicketTag.$ticketId).filter(TicketTag.self, \.$tag == tag)
        }
        if filter.flaggedRunaround {
            query.join(TicketRunaround.self, on: \Ticket.$id == \TicketRunaround.$id).filter(TicketRunaround.self, \.$flagged == true)
        }
        if let after = filter.afterNumber { query.filter(\.$number < after) }
        let tickets = try await query.sort(\.$number, .descending).limit(filter.limit + 1).all()
        let page = Array(tickets.prefix(filter.limit))
        let next = tickets.count > filter.limit ? page.last.map { TicketCursor.encode($0.number) } : nil
        return TicketPage(tickets: try await TicketPresenter.dtos(page, on: req.db), nextCursor: next)
    }

    @Sendable static func update(req: Request) async throws -> TicketDTO {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(UpdateTicketRequest.self)
        let changes = TicketDesk.Changes(
            status: input.status, priority: input.priority, tags: input.tags, teamId: input.teamId,
            customFields: input.customFields)
        return try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user))
            let ticket = try await desk.ticketForChange(id)
            try await desk.update(ticket, with: changes)
            return try await TicketPresenter.dto(ticket, on: db)
        }
    }
}
