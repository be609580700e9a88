import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/kudos`: recognition all 52 weeks (seed 001). Colleagues and managers give kudos to
/// someone else for one of a few values; a lead turns a customer's thanks into kudos. The feed and
/// each person's wall are open to all staff; highlights never rank people.
enum KudosController {
    struct GiveRequest: Content {
        let toUserId: UUID?
        let message: String?
        let value: KudosValue?
        let ticketId: UUID?

        enum CodingKeys: String, CodingKey {
            case message, value
            case toUserId = "to_user_id", ticketId = "ticket_id"
        }
    }

    struct FromCustomerRequest: Content {
        let toUserId: UUID?
        let ticketId: UUID?
        let messageId: Int?
        let quote: String?
        let value: KudosValue?

        enum CodingKeys: String, CodingKey {
            case quote, value
            case toUserId = "to_user_id", ticketId = "ticket_id", messageId = "message_id"
        }
    }

    struct KudosPage: Content {
        let kudos: [KudosDTO]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case kudos
            case nextCursor = "next_cursor"
        }
    }

    @Sendable static func give(req: Request) async throws -> Response {
        let giver = try req.staff()
        let input = try req.content.decode(GiveRequest.self)
        let kudos = try await req.write { db in try await give(input, by: giver, on: db, now: req.now) }
        return try await KudosPresenter.dtos([kudos], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    /// A colleague or manager recognises someone else for one of the values, optionally for a ticket.
    static func give(_ input: GiveRequest, by giver: User, on db: any Database, now: Date) async throws -> Kudos {
        guard let toUserId = input.toUserId else { throw missing("to_user_id") }
        guard let value = input.value else { throw missing("value") }
        let message = try PeopleInput.text(input.message, field: "message", max: 2000)
        guard toUserId != giver.id else { throw PeopleError.kudosToSelf }
        _ = try await PeopleAccess.user(toUserId, on: db, field: "to_user_id")
        if let ticketId = input.ticketId, try await Ticket.find(ticketId, on: db) == nil {
            throw PeopleError.invalid(field: "ticket_id", reason: "no ticket has that id")
        }
        let kudos = Kudos(
            toUserId: toUserId, fromUserId: try giver.requireID(), source: giver.role >= .lead ? .manager : .peer,
            value: value, message: message, quote: nil, ticketId: input.ticketId, messageId: nil, at: now)
        try await kudos.create(on: db)
        return kudos
    }

    /// A lead (or higher) records a customer's thank-you as kudos, quoting the customer.
    @Sendable static func fromCustomer(req: Request) async throws -> Response {
        let lead = try req.staff(atLeast: .lead)
        let input = try req.content.decode(FromCustomerRequest.self)
        guard input.toUserId != nil else { throw missing("to_user_id") }
        guard let ticketId = input.ticketId else { throw missing("ticket_id") }
        let kudos = try await req.write { db in
            try await RaisedFromTicket.customerKudos(
                to: input.toUserId, ticketId: ticketId, messageId: input.messageId, quote: input.quote, value: input.value, by: lead, on: db, at: req.now)
        }
        return try await KudosPresenter.dtos([kudos], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func feed(req: Request) async throws -> KudosPage {
        _ = try req.staff()
        return try await page(kudosQuery(on: req.db), req: req)
    }

    @Sendable static func wall(req: Request) async throws -> KudosPage {
        _ = try req.staff()
        let userId = try req.id("userID", of: "user")
        _ = try await PeopleAccess.user(userId, on: req.db)
        return try await page(kudosQuery(on: req.db).filter(\.$toUserId == userId), req: req)
    }

    private static func kudosQuery(on db: any Database) -> QueryBuilder<Kudos> {
        Kudos.query(on: db).sort(\.$createdAt, .descending).sort(\.$id)
    }

    private static func page(_ query: QueryBuilder<Kudos>, req: Request) async throws -> KudosPage {
        let paging = try ListPaging(from: req, defaultLimit: 50, maxLimit: 200)
        let rows = try await query.offset(paging.offset).limit(paging.limit + 1).all()
        return KudosPage(
            kudos: try await KudosPresenter.dtos(Array(rows.prefix(paging.limit)), on: req.db),
            nextCursor: paging.nextCursor(fetched: rows.count))
    }

    private static func missing(_ field: String) -> RequestError {
        RequestError(.unprocessableEntity, "missing_field", "\(field) is required", field: field)
    }
}

/// Kudos as the feed shows them.
struct KudosDTO: Content {
    struct Person: Content {
        let id: UUID
        let name: String
    }

    let id: UUID
    let to: Person
    let from: Person
    let source: KudosSource
    let value: KudosValue?
    let message: String
    let quote: String?
    let ticketId: UUID?
    let messageId: Int?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, to, from, source, value, message, quote
        case ticketId = "ticket_id", messageId = "message_id", createdAt = "created_at"
    }
}

/// Builds kudos DTOs with the names of giver and receiver.
enum KudosPresenter {
    static func dtos(_ kudos: [Kudos], on db: any Database) async throws -> [KudosDTO] {
        let ids = Array(Set(kudos.flatMap { [$0.toUserId, $0.fromUserId] }))
        let users = try await ids.isEmpty ? [] : User.query(on: db).filter(\.$id ~~ ids).all()
        let names = Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) })
        return try kudos.map { kudos in
            KudosDTO(
                id: try kudos.requireID(), to: .init(id: kudos.toUserId, name: names[kudos.toUserId] ?? ""),
                from: .init(id: kudos.fromUserId, name: names[kudos.fromUserId] ?? ""), source: kudos.source,
                value: kudos.value, message: kudos.message, quote: kudos.quote, ticketId: kudos.ticketId,
                messageId: kudos.messageId, createdAt: kudos.createdAt)
        }
    }
}
