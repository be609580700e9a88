import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/insights`: product insights raised from tickets (seed 003: "why are returns so high?").
/// Anyone on staff raises one or adds supporting tickets; leads and up move it along
/// new → reviewed → accepted → fixed (or declined), forward only unless an admin corrects it.
enum InsightsController {
    struct CreateRequest: Content {
        let title: String?
        let description: String?
        let product: String?
        let theme: String?
        let ticketIds: [UUID]?

        enum CodingKeys: String, CodingKey {
            case title, description, product, theme
            case ticketIds = "ticket_ids"
        }
    }

    struct UpdateRequest: Content {
        let status: InsightStatus?
        let title: String?
        let description: String?
        let product: String?
        let theme: String?
    }

    struct TicketRequest: Content {
        let ticketId: UUID?

        enum CodingKeys: String, CodingKey {
            case ticketId = "ticket_id"
        }
    }

    struct InsightList: Content {
        let insights: [InsightDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(CreateRequest.self)
        let dto = try await req.write { db in try await dtos([try await create(input, by: user, on: db, at: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Raises an insight from at least one ticket (the rules are `RaisedFromTicket`'s, shared with the ticket page).
    static func create(_ input: CreateRequest, by user: User, on db: any Database, at now: Date) async throws -> Insight {
        try await RaisedFromTicket.insight(
            title: input.title, description: input.description, product: input.product, theme: input.theme,
            ticketIds: input.ticketIds ?? [], by: user, on: db, at: now)
    }

    @Sendable static func list(req: Request) async throws -> InsightList {
        _ = try req.staff()
        let query = Insight.query(on: req.db).sort(\.$createdAt, .descending)
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let status = InsightStatus(rawValue: raw) else {
                throw PeopleError.invalid(field: "status", reason: "status must be one of \(InsightStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.filter(\.$status == status)
        }
        return InsightList(insights: try await dtos(try await query.all(), on: req.db))
    }

    @Sendable static func show(req: Request) async throws -> InsightDTO {
        _ = try req.staff()
        return try await dtos([try await find(req, on: req.db)], on: req.db)[0]
    }

    @Sendable static func update(req: Request) async throws -> InsightDTO {
        let user = try req.staff(atLeast: .lead)
        let input = try req.content.decode(UpdateRequest.self)
        let id = try req.id("insightID", of: "insight")
        return try await req.write { db in try await dtos([try await update(id, input, by: user, on: db, now: req.now)], on: db)[0] }
    }

    /// Leads and up move an insight along its workflow (forward only, unless an admin) or edit it.
    static func update(_ id: UUID, _ input: UpdateRequest, by user: User, on db: any Database, now: Date) async throws -> Insight {
        guard user.role >= .lead else { throw RequestError.forbidden("this needs the lead role or higher") }
        guard let insight = try await Insight.find(id, on: db) else { throw RequestError.notFound("insight") }
        if let status = input.status, status != insight.status {
            guard insight.status.canMove(to: status) || user.role == .admin else {
                throw PeopleError.statusChange(from: insight.status.rawValue, to: status.rawValue)
            }
            insight.status = status
        }
        if let title = input.title { insight.title = try PeopleInput.text(title, field: "title") }
        if let description = input.description { insight.insightDescription = try PeopleInput.text(description, field: "description", max: 10_000) }
        if let product = input.product { insight.product = try PeopleInput.optionalText(product, field: "product", max: 100) }
        if let theme = input.theme { insight.theme = try PeopleInput.optionalText(theme, field: "theme", max: 100) }
        insight.updatedAt = now
        try await insight.save(on: db)
        return insight
    }

    @Sendable static func addTicket(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(TicketRequest.self)
        let id = try req.id("insightID", of: "insight")
        let dto = try await req.write { db in try await dtos([try await addTicket(input.ticketId, to: id, by: user, on: db, now: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Anyone on staff adds a supporting ticket (once).
    static func addTicket(_ ticketId: UUID?, to id: UUID, by user: User, on db: any Database, now: Date) async throws -> Insight {
        guard let ticketId else { throw RequestError(.unprocessableEntity, "missing_field", "ticket_id is required", field: "ticket_id") }
        guard let insight = try await Insight.find(id, on: db) else { throw RequestError.notFound("insight") }
        try await TicketFigures.requireTickets([ticketId], field: "ticket_id", on: db)
        if try await InsightTicket.query(on: db).filter(\.$insightId == id).filter(\.$ticketId == ticketId).first() != nil {
            throw RequestError.conflict("that ticket already supports this insight", field: "ticket_id")
        }
        try await InsightTicket(insightId: id, ticketId: ticketId, addedBy: try user.requireID(), at: now).create(on: db)
        insight.updatedAt = now
        try await insight.save(on: db)
        return insight
    }

    /// CSV for product managers: one row per insight with its figures.
    @Sendable static func export(req: Request) async throws -> Response {
        _ = try req.staff()
        return CSV.response(try await csvRows(on: req.db), filename: "insights.csv")
    }

    /// One row per insight with its figures, oldest first, with a header.
    static func csvRows(on db: any Database) async throws -> [[String]] {
        let insights = try await dtos(try await Insight.query(on: db).sort(\.$createdAt).all(), on: db)
        var rows = [["id", "title", "product", "theme", "status", "ticket_count", "customer_count", "minutes_handled", "cost_estimate", "created_at"]]
        for insight in insights {
            rows.append([
                insight.id.uuidString, insight.title, insight.product ?? "", insight.theme ?? "", insight.status.rawValue,
                String(insight.ticketCount), String(insight.customerCount),
                CSV.number(insight.minutesHandled), CSV.number(insight.costEstimate),
                Days.day(of: insight.createdAt),
            ])
        }
        return rows
    }

    static func dtos(_ insights: [Insight], on db: any Database) async throws -> [InsightDTO] {
        guard !insights.isEmpty else { return [] }
        let links = try await InsightTicket.query(on: db).filter(\.$insightId ~~ insights.compactMap(\.id)).all()
        let byInsight = Dictionary(grouping: links, by: \.insightId)
        let figures = try await TicketFigures.Calculator(ticketIds: links.map(\.ticketId), on: db)
        return try insights.map { insight in
            let ticketIds = (byInsight[try insight.requireID()] ?? []).sorted { $0.createdAt < $1.createdAt }.map(\.ticketId)
            return try InsightDTO(insight, ticketIds: ticketIds, figures: figures.figures(for: ticketIds))
        }
    }

    private static func find(_ req: Request, on db: any Database) async throws -> Insight {
        guard let insight = try await Insight.find(try req.id("insightID", of: "insight"), on: db) else {
            throw RequestError.notFound("insight")
        }
        return insight
    }
}

/// An insight with its tickets and what they cost.
struct InsightDTO: Content {
    let id: UUID
    let title: String
    let description: String
    let product: String?
    let theme: String?
    let status: InsightStatus
    let raisedBy: UUID
    let ticketIds: [UUID]
    let ticketCount: Int
    let customerCount: Int
    let minutesHandled: Double
    let costEstimate: Double
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, description, product, theme, status
        case raisedBy = "raised_by", ticketIds = "ticket_ids", createdAt = "created_at", updatedAt = "updated_at"
        case ticketCount = "ticket_count", customerCount = "customer_count", minutesHandled = "minutes_handled", costEstimate = "cost_estimate"
    }

    init(_ insight: Insight, ticketIds: [UUID], figures: TicketFigures) throws {
        id = try insight.requireID()
        title = insight.title
        description = insight.insightDescription
        product = insight.product
        theme = insight.theme
        status = insight.status
        raisedBy = insight.raisedBy
        self.ticketIds = ticketIds
        ticketCount = figures.ticketCount
        customerCount = figures.customerCount
        minutesHandled = figures.minutesHandled
        costEstimate = figures.costEstimate
        createdAt = insight.createdAt
        updatedAt = insight.updatedAt
    }
}
