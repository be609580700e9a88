import Fluent
import Vapor

/// The ticket list of a view or saved filter, with the names its rows show.
struct DeskListPage {
    let frame: DeskFrame
    let query: DeskListQuery
    let title: String
    let page: DeskList.Page
    let requesters: [UUID: Customer]
    let users: [UUID: User]
    let teams: [UUID: Team]
    let basePath: String
    let savedFilterId: UUID?

    static func load(
        _ request: Request, query: DeskListQuery, title: String, active: String, basePath: String, savedFilterId: UUID? = nil
    ) async throws -> DeskListPage {
        let user = try request.deskUser()
        let frame = try await DeskFrame.load(request, user: user, active: active)
        let list = DeskList(db: request.db, user: user, teamIds: frame.teamIds)
        let page = try await list.page(query)
        let names = try await DeskNames.load(for: page.tickets, on: request.db)
        return DeskListPage(
            frame: frame, query: query, title: title, page: page, requesters: names.requesters, users: names.users,
            teams: names.teams, basePath: basePath, savedFilterId: savedFilterId)
    }
}

/// The people and teams a set of tickets refers to, in three queries.
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
