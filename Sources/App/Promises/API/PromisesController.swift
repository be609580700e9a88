import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/tickets/{id}/promises` and `/api/v1/promises`: commitments to customers on a clock.
enum PromisesController {
    @Sendable static func make(req: Request) async throws -> Response {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(MakePromiseRequest.self)
        let lead = req.application.frontlineConfig.promiseReminderLead
        let now = req.now
        try PromiseBook.requireFutureDue(input.dueAt, now: now)
        let dto = try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user), at: now)
            let ticket = try await desk.ticketForChange(id)
            let promise = try await PromiseBook(desk: desk).make(
                on: ticket, kind: input.kind, description: input.description, dueAt: input.dueAt, ownerId: input.ownerId,
                reminderLead: lead)
            return try PromiseDTO(promise)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// A customer sees the promises made to them on their own tickets.
    /// Staff get the desk's representation; the customer gets `CustomerPromiseDTO` (no owner id,
    /// no cancel reason).
    @Sendable static func forTicket(req: Request) async throws -> Response {
        let principal = try req.principal
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: principal, on: req.db)
        let promises = try await CustomerPromise.query(on: req.db).filter(\.$ticketId == (try ticket.requireID()))
            .sort(\.$dueAt).all()
        switch principal {
        case .user: return try await PromiseList(promises: try promises.map(PromiseDTO.init)).encodeResponse(for: req)
        case .customer: return try await CustomerPromiseList(promises: try promises.map(CustomerPromiseDTO.init)).encodeResponse(for: req)
        }
    }

    /// The owner marks a replacement, refund or other promise kept; a lead may do it for them.
    @Sendable static func keep(req: Request) async throws -> PromiseDTO {
        let user = try req.staff()
        let id = try req.id("promiseID", of: "promise")
        return try await req.write { db in
            try PromiseDTO(try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).markKept(id, by: user))
        }
    }

    @Sendable static func cancel(req: Request) async throws -> PromiseDTO {
        let user = try req.staff()
        let id = try req.id("promiseID", of: "promise")
        let input = try req.content.decode(CancelPromiseRequest.self)
        return try await req.write { db in
            try PromiseDTO(try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).cancel(id, reason: input.reason ?? ""))
        }
    }

    /// `GET /promises?state=&owner_id=&due_before=`, soonest due first.
    @Sendable static func list(req: Request) async throws -> PromiseList {
        _ = try req.staff()
        var query = PromiseQuery()
        if let raw = try? req.query.get(String.self, at: "state") {
            guard let state = PromiseState(rawValue: raw) else {
                throw RequestError.invalid("state", "state must be one of \(PromiseState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.state = state
        }
        query.ownerId = try uuid(req, "owner_id")
        if let raw = try? req.query.get(String.self, at: "due_before") {
            guard let date = JSONCoding.parseDate(raw) else { throw RequestError.invalid("due_before", "due_before must be an ISO 8601 time") }
            query.dueBefore = date
        }
        let promises = try await query.run(on: req.db)
        return PromiseList(promises: try promises.map(PromiseDTO.init))
    }

    /// `GET /reports/promises?team_id=&owner_id=`: counts by state. Agents see their own; leads anyone's.
    @Sendable static func report(req: Request) async throws -> PromiseReport {
        let user = try req.staff()
        var ownerId = try uuid(req, "owner_id")
        let teamId = try uuid(req, "team_id")
        if user.role < .lead {
            guard teamId == nil, ownerId == nil || ownerId == user.id else {
                throw RequestError.forbidden("agents see their own promise figures; team and other agents' figures need the lead role")
            }
            ownerId = user.id
        }
        let query = CustomerPromise.query(on: req.db)
        if let ownerId { query.filter(\.$ownerId == ownerId) }
        if let teamId {
            guard try await Team.find(teamId, on: req.db) != nil else { throw RequestError.notFound("team") }
            let members = try await TeamMembership.query(on: req.db).filter(\.$teamId == teamId).all().map(\.userId)
            query.filter(\.$ownerId ~~ members)
        }
        var counts: [PromiseState: Int] = [:]
        for state in PromiseState.allCases {
            counts[state] = try await query.copy().filter(\.$state == state).count()
        }
        return PromiseReport(
            teamId: teamId, ownerId: ownerId, pending: counts[.pending] ?? 0, kept: counts[.kept] ?? 0,
            broken: counts[.broken] ?? 0, cancelled: counts[.cancelled] ?? 0, total: counts.values.reduce(0, +))
    }

    static func uuid(_ req: Request, _ name: String) throws -> UUID? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard let id = UUID(uuidString: raw) else { throw RequestError.invalid(name, "\(name) must be a UUID") }
        return id
    }
}
