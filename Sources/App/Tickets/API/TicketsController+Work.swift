import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/tickets/{id}/…`: messages, assignment, hand-offs and the timeline.
extension TicketsController {
    @Sendable static func addMessage(req: Request) async throws -> Response {
        let principal = try req.principal
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(CreateMessageRequest.self)
        let visibility = input.visibility ?? .public
        if case .customer = principal {
            if visibility == .internal { throw TicketError.customerCannotAddNotes }
            if input.status != nil { throw RequestError.forbidden("customers cannot set a ticket's status here") }
        }
        _ = try await TicketAccess.visibleTicket(id, to: principal, on: req.db)
        let dto = try await req.write { db in
            let desk = TicketDesk(on: db, actor: principal.actor)
            let ticket = try await desk.ticketForChange(id)
            let channel: TicketChannel = if case .customer = principal { .api } else { ticket.channel }
            let message = try await desk.addMessage(
                to: ticket, body: input.body, visibility: visibility, channel: channel, statusAfter: input.status)
            return try MessageDTO(message)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func messages(req: Request) async throws -> MessageList {
        let principal = try req.principal
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: principal, on: req.db)
        let query = Message.query(on: req.db).filter(\.$ticketId == (try ticket.requireID()))
        if case .customer = principal { query.filter(\.$visibility == .public) }
        return MessageList(messages: try await query.sort(\.$id).all().map(MessageDTO.init))
    }

    @Sendable static func assign(req: Request) async throws -> TicketDTO {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(AssignRequest.self)
        return try await req.write { db in
            guard let owner = try await User.find(input.ownerId, on: db) else {
                throw TicketError.invalid(field: "owner_id", reason: "no user has that id")
            }
            let desk = TicketDesk(on: db, actor: .user(user))
            let ticket = try await desk.ticketForChange(id)
            try await desk.assign(ticket, to: owner)
            return try await TicketPresenter.dto(ticket, on: db)
        }
    }

    @Sendable static func handOff(req: Request) async throws -> TicketDTO {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(HandoffRequest.self)
        return try await req.write { db in
            var toUser: User?
            var toTeam: Team?
            if let userId = input.toUserId {
                toUser = try await User.find(userId, on: db)
                if toUser == nil { throw TicketError.invalid(field: "to_user_id", reason: "no user has that id") }
            }
            if let teamId = input.toTeamId {
                toTeam = try await Team.find(teamId, on: db)
                if toTeam == nil { throw TicketError.invalid(field: "to_team_id", reason: "no team has that id") }
            }
            let desk = TicketDesk(on: db, actor: .user(user))
            let ticket = try await desk.ticketForChange(id)
            try await desk.handOff(ticket, toUser: toUser, toTeam: toTeam, note: input.note)
            return try await TicketPresenter.dto(ticket, on: db)
        }
    }

    @Sendable static func events(req: Request) async throws -> EventList {
        _ = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        guard try await Ticket.find(id, on: req.db) != nil else { throw RequestError.notFound("ticket") }
        let events = try await TicketEvent.query(on: req.db).filter(\.$ticketId == id).sort(\.$id).all()
        return EventList(events: try events.map(EventDTO.init))
    }
}

/// `GET /tickets/{id}/messages`.
struct MessageList: Content {
    let messages: [MessageDTO]
}

/// `GET /tickets/{id}/events`.
struct EventList: Content {
    let events: [EventDTO]
}
