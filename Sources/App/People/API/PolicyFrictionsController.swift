import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/policy-frictions`: "remove nonsensical policies that create work and penalise
/// customers" (seed 001). An agent flags a policy from a ticket; others add their tickets; the
/// counts, customers affected, minutes, cost and revenue at risk add up; managers read the ranking.
enum PolicyFrictionsController {
    struct CreateRequest: Content {
        let policy: String?
        let description: String?
        let ticketId: UUID?
        let revenueAtRisk: Decimal?

        enum CodingKeys: String, CodingKey {
            case policy, description
            case ticketId = "ticket_id", revenueAtRisk = "revenue_at_risk"
        }
    }

    struct TicketRequest: Content {
        let ticketId: UUID?
        let revenueAtRisk: Decimal?

        enum CodingKeys: String, CodingKey {
            case ticketId = "ticket_id", revenueAtRisk = "revenue_at_risk"
        }
    }

    struct FrictionList: Content {
        let frictions: [PolicyFrictionDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(CreateRequest.self)
        let dto = try await req.write { db in try await dtos([try await create(input, by: user, on: db, at: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Flags a policy from the ticket where it bit (rules shared with the ticket page).
    static func create(_ input: CreateRequest, by user: User, on db: any Database, at now: Date) async throws -> PolicyFriction {
        try await RaisedFromTicket.policyFriction(
            policy: input.policy, description: input.description, ticketId: input.ticketId, revenueAtRisk: input.revenueAtRisk,
            by: user, on: db, at: now)
    }

    @Sendable static func list(req: Request) async throws -> FrictionList {
        _ = try req.staff()
        return FrictionList(frictions: try await dtos(try await PolicyFriction.query(on: req.db).sort(\.$createdAt, .descending).all(), on: req.db))
    }

    @Sendable static func show(req: Request) async throws -> PolicyFrictionDTO {
        _ = try req.staff()
        guard let friction = try await PolicyFriction.find(try req.id("frictionID", of: "policy friction"), on: req.db) else {
            throw RequestError.notFound("policy friction")
        }
        return try await dtos([friction], on: req.db)[0]
    }

    @Sendable static func addTicket(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(TicketRequest.self)
        let id = try req.id("frictionID", of: "policy friction")
        let dto = try await req.write { db in try await dtos([try await addTicket(input, to: id, by: user, on: db, now: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Another ticket where the policy bit, with the revenue it put at risk.
    static func addTicket(_ input: TicketRequest, to id: UUID, by user: User, on db: any Database, now: Date) async throws -> PolicyFriction {
        guard let ticketId = input.ticketId else { throw RequestError(.unprocessableEntity, "missing_field", "ticket_id is required", field: "ticket_id") }
        let cents = try RaisedFromTicket.cents(input.revenueAtRisk)
        guard let friction = try await PolicyFriction.find(id, on: db) else { throw RequestError.notFound("policy friction") }
        try await TicketFigures.requireTickets([ticketId], field: "ticket_id", on: db)
        if try await PolicyFrictionTicket.query(on: db).filter(\.$frictionId == id).filter(\.$ticketId == ticketId).first() != nil {
            throw RequestError.conflict("that ticket is already on this policy friction", field: "ticket_id")
        }
        try await PolicyFrictionTicket(frictionId: id, ticketId: ticketId, revenueAtRiskCents: cents, addedBy: try user.requireID(), at: now).create(on: db)
        return friction
    }

    struct FrictionReport: Content {
        let frictions: [PolicyFrictionDTO]
    }

    /// Policies ranked by what they cost: the cost estimate, then revenue at risk.
    @Sendable static func report(req: Request) async throws -> FrictionReport {
        _ = try req.staff(atLeast: .manager)
        return FrictionReport(frictions: try await ranked(on: req.db))
    }

    static func ranked(on db: any Database) async throws -> [PolicyFrictionDTO] {
        try await dtos(try await PolicyFriction.query(on: db).all(), on: db).sorted {
            ($0.costEstimate, $0.revenueAtRisk, $0.ticketCount) > ($1.costEstimate, $1.revenueAtRisk, $1.ticketCount)
        }
    }

    static func dtos(_ frictions: [PolicyFriction], on db: any Database) async throws -> [PolicyFrictionDTO] {
        guard !frictions.isEmpty else { return [] }
        let links = try await PolicyFrictionTicket.query(on: db).filter(\.$frictionId ~~ frictions.compactMap(\.id)).all()
        let byFriction = Dictionary(grouping: links, by: \.frictionId)
        let calculator = try await TicketFigures.Calculator(ticketIds: links.map(\.ticketId), on: db)
        return try frictions.map { friction in
            let own = (byFriction[try friction.requireID()] ?? []).sorted { $0.createdAt < $1.createdAt }
            return try PolicyFrictionDTO(
                friction, ticketIds: own.map(\.ticketId), figures: calculator.figures(for: own.map(\.ticketId)),
                revenueCents: own.reduce(0) { $0 + $1.revenueAtRiskCents })
        }
    }
}

/// A policy friction with its tickets and what it costs.
struct PolicyFrictionDTO: Content {
    let id: UUID
    let policy: String
    let description: String
    let raisedBy: UUID
    let ticketIds: [UUID]
    let ticketCount: Int
    let customerCount: Int
    let minutesHandled: Double
    let costEstimate: Double
    let revenueAtRisk: Double
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, policy, description
        case raisedBy = "raised_by", ticketIds = "ticket_ids", ticketCount = "ticket_count", customerCount = "customer_count"
        case minutesHandled = "minutes_handled", costEstimate = "cost_estimate", revenueAtRisk = "revenue_at_risk"
        case createdAt = "created_at"
    }

    init(_ friction: PolicyFriction, ticketIds: [UUID], figures: TicketFigures, revenueCents: Int) throws {
        id = try friction.requireID()
        policy = friction.policy
        description = friction.frictionDescription
        raisedBy = friction.raisedBy
        self.ticketIds = ticketIds
        ticketCount = figures.ticketCount
        customerCount = figures.customerCount
        minutesHandled = figures.minutesHandled
        costEstimate = figures.costEstimate
        revenueAtRisk = Double(revenueCents) / 100
        createdAt = friction.createdAt
    }
}
