import Fluent
import SQLKit
import Vapor

/// The ticket list of a view or saved filter, as values: its rows with their names, where the
/// next page starts, and the frame. The view renders it without a database.
struct DeskListPage: Sendable {
    let frame: DeskFrame
    let query: DeskListQuery
    let title: String
    let rows: [TicketRow]
    let next: DeskCursor?
    let basePath: String
    let savedFilterId: UUID?
    let now: Date

    /// The page of `query`: the tickets in `DeskList`'s bounded reads (one index range per status,
    /// whatever the page size), then one query per relation for the whole page.
    static func load(
        _ request: Request, query: DeskListQuery, title: String, active: String, basePath: String, savedFilterId: UUID? = nil
    ) async throws -> DeskListPage {
        let user = try request.deskUser()
        let frame = try await DeskFrame.load(request, user: user, active: active)
        let list = DeskList(db: request.db, user: user, teamIds: frame.teamIds)
        let page = try await list.page(query)
        let names = try await RowNames.load(for: page.tickets, sql: try request.db.sql)
        return DeskListPage(
            frame: frame, query: query, title: title, rows: page.tickets.map(names.row), next: page.next, basePath: basePath,
            savedFilterId: savedFilterId, now: request.now)
    }
}

/// The names a page of tickets shows: requesters, owners and teams, one bound query each for the
/// whole page, decoded column by column.
struct RowNames: Sendable {
    let requesters: [UUID: String]
    let users: [UUID: String]
    let teams: [UUID: String]

    static func load(for tickets: [Ticket], sql: any SQLDatabase) async throws -> RowNames {
        RowNames(
            requesters: try await names(Customer.schema, ids: tickets.map(\.requesterId), sql: sql),
            users: try await names(User.schema, ids: tickets.compactMap(\.ownerId), sql: sql),
            teams: try await names(Team.schema, ids: tickets.compactMap(\.teamId), sql: sql))
    }

    private static func names(_ table: String, ids: [UUID], sql: any SQLDatabase) async throws -> [UUID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "name").from(table).where("id", .in, SQLBind.group(unique)).all()
        return Dictionary(
            try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) },
            uniquingKeysWith: { first, _ in first })
    }

    func row(_ ticket: Ticket) -> TicketRow {
        TicketRow(
            number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority,
            requesterName: requesters[ticket.requesterId], ownerName: ticket.ownerId.flatMap { users[$0] },
            teamName: ticket.teamId.flatMap { teams[$0] }, handoffCount: ticket.handoffCount,
            customerWaitingSince: ticket.lastCustomerContactAt ?? ticket.createdAt, createdAt: ticket.createdAt)
    }
}

/// The people and teams a set of tickets refers to, in three queries (search, customer and
/// organization pages, the live list stream).
struct DeskNames: Sendable {
    let requesters: [UUID: Customer]
    let users: [UUID: User]
    let teams: [UUID: Team]

    static func load(for tickets: [Ticket], on db: any Database) async throws -> DeskNames {
        let requesterIds = Array(Set(tickets.map(\.requesterId)))
        let requesters = requesterIds.isEmpty ? [] : try await Customer.query(on: db).filter(\.$id ~~ requesterIds).all()
        let ownerIds = Array(Set(tickets.compactMap(\.ownerId)))
        let users = ownerIds.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ ownerIds).all()
        let teamIds = Array(Set(tickets.compactMap(\.teamId)))
        let teams = teamIds.isEmpty ? [] : try await Team.query(on: db).filter(\.$id ~~ teamIds).all()
        return DeskNames(
            requesters: Dictionary(uniqueKeysWithValues: requesters.compactMap { c in c.id.map { ($0, c) } }),
            users: Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, u) } }),
            teams: Dictionary(uniqueKeysWithValues: teams.compactMap { t in t.id.map { ($0, t) } }))
    }
}
