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
        try await CustomerMessageLimit.count(principal.actor, request: req)
        let message = try await req.write { db in
            let desk = TicketDesk(on: db, actor: principal.actor, at: req.now)
            let ticket = try await desk.ticketForChange(id)
            let channel: TicketChannel = if case .customer = principal { .api } else { ticket.channel }
            return try await desk.addMessage(
                to: ticket, body: input.body, visibility: visibility, channel: channel, statusAfter: input.status)
        }
        switch principal {
        case .user: return try await MessageDTO(message).encodeResponse(status: .created, for: req)
        case .customer: return try await CustomerMessageDTO(message).encodeResponse(status: .created, for: req)
        }
    }

    /// `GET /tickets/{id}/messages?limit=&cursor=`: oldest first, a page at a time; customers get
    /// the public messages in their own representation.
    @Sendable static func messages(req: Request) async throws -> Response {
        let principal = try req.principal
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: principal, on: req.db)
        let paging = try KeysetPaging(from: req, kind: "m")
        let query = Message.query(on: req.db).filter(\.$ticketId == (try ticket.requireID()))
        if case .customer = principal { query.filter(\.$visibility == .public) }
        if let after = paging.afterId { query.filter(\.$id > after) }
        let (rows, next) = paging.page(try await query.sort(\.$id).limit(paging.limit + 1).all(), id: \.id)
        switch principal {
        case .user: return try await MessageList(messages: rows.map(MessageDTO.init), nextCursor: next).encodeResponse(for: req)
        case .customer: return try await CustomerMessageList(messages: rows.map(CustomerMessageDTO.init), nextCursor: next).encodeResponse(for: req)
        }
    }

    @Sendable static func assign(req: Request) async throws -> TicketDTO {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(AssignRequest.self)
        return try await req.write { db in
            guard let owner = try await User.find(input.ownerId, on: db) else {
                throw TicketError.invalid(field: "owner_id", reason: "no user has that id")
            }
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            try await desk.assign(ticket, to: owner)
            return try await TicketPresenter.dto(ticket, on: db, now: req.now)
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
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            try await desk.handOff(ticket, toUser: toUser, toTeam: toTeam, note: input.note)
            return try await TicketPresenter.dto(ticket, on: db, now: req.now)
        }
    }

    /// `GET /tickets/{id}/events?limit=&cursor=`: the timeline, oldest first, a page at a time.
    @Sendable static func events(req: Request) async throws -> EventList {
        _ = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        guard try await Ticket.find(id, on: req.db) != nil else { throw RequestError.notFound("ticket") }
        let paging = try KeysetPaging(from: req, kind: "e")
        let query = TicketEvent.query(on: req.db).filter(\.$ticketId == id)
        if let after = paging.afterId { query.filter(\.$id > after) }
        let (rows, next) = paging.page(try await query.sort(\.$id).limit(paging.limit + 1).all(), id: \.id)
        return EventList(events: try rows.map(EventDTO.init), nextCursor: next)
    }
}

/// `GET /tickets/{id}/messages`; `next_cursor` is absent on the last page.
struct MessageList: Content {
    let messages: [MessageDTO]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case messages
        case nextCursor = "next_cursor"
    }
}

/// `GET /tickets/{id}/messages` for a customer token.
struct CustomerMessageList: Content {
    let messages: [CustomerMessageDTO]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case messages
        case nextCursor = "next_cursor"
    }
}

/// `GET /tickets/{id}/events`; `next_cursor` is absent on the last page.
struct EventList: Content {
    let events: [EventDTO]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case events
        case nextCursor = "next_cursor"
    }
}
