import Fluent
import Vapor

/// `/api/v1/tickets/{id}/participants`: who is copied on the ticket's mail, who was seen in Cc of a
/// reply and waits for an agent (`suggested`), and adding or removing them. Staff only.
enum ParticipantsController {
    struct AddRequest: Content {
        let email: String
        let name: String?
    }

    @Sendable static func list(req: Request) async throws -> ParticipantList {
        _ = try req.staff()
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: try req.principal, on: req.db)
        return ParticipantList(try await TicketParticipants.roster(of: try ticket.requireID(), on: req.db))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(AddRequest.self)
        _ = try await TicketAccess.visibleTicket(id, to: try req.principal, on: req.db)
        let settings = req.application.frontlineConfig.mail
        let list = try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            try await TicketParticipants(desk: desk, settings: settings).add(input.email, name: input.name, to: ticket)
            return ParticipantList(try await TicketParticipants.roster(of: id, on: db))
        }
        return try await list.encodeResponse(status: .created, for: req)
    }

    @Sendable static func remove(req: Request) async throws -> ParticipantList {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        guard let email = req.parameters.get("email")?.removingPercentEncoding, !email.isEmpty else {
            throw RequestError.notFound("participant")
        }
        _ = try await TicketAccess.visibleTicket(id, to: try req.principal, on: req.db)
        let settings = req.application.frontlineConfig.mail
        return try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            try await TicketParticipants(desk: desk, settings: settings).remove(email, from: ticket)
            return ParticipantList(try await TicketParticipants.roster(of: id, on: db))
        }
    }
}
