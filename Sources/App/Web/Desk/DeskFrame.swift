import Fluent
import Vapor

/// What the desk's frame shows around every page: the agent, the view counts, the saved filters.
struct DeskFrame: Sendable {
    let user: User
    let teamIds: [UUID]
    let deskName: String
    let counts: [DeskViewKind: Int]
    let savedFilters: [SavedFilter]
    var journeyCounts = JourneyCounts()
    var active: String
    var query: String = ""

    static func load(_ request: Request, user: User, active: String) async throws -> DeskFrame {
        let db = request.db
        let teamIds = try await TeamMembership.query(on: db).filter(\.$userId == (try user.requireID())).all().map(\.teamId)
        let list = DeskList(db: db, user: user, teamIds: teamIds)
        let cache = request.application.sidebarCounts
        var counts: [DeskViewKind: Int] = [:]
        for kind in DeskViewKind.allCases {
            // Only "mine" and "team" depend on who asks; the others are one count for everyone.
            let key = SidebarCounts.Key.view(kind, owner: kind == .mine ? user.id : nil, teams: kind == .team ? teamIds.sorted { $0.uuidString < $1.uuidString } : [])
            counts[kind] = try await cache.count(key) { try await list.count(kind) }
        }
        let saved = try await SavedFilter.query(on: db).filter(\.$userId == (try user.requireID())).sort(\.$name).all()
        return DeskFrame(
            user: user, teamIds: teamIds, deskName: try await DeskSettings.load(on: db).deskName, counts: counts,
            savedFilters: saved, journeyCounts: try await JourneyCounts.load(for: user, on: db, cache: cache), active: active)
    }
}

extension Request {
    /// The signed-in staff member of a desk page (the desk guard has already checked there is one).
    func deskUser() throws -> User {
        guard let user = webUser else { throw RequestError.unauthenticated }
        return user
    }

    /// The query string as a dictionary (the last value of a repeated name wins).
    var queryParameters: [String: String] {
        var parameters: [String: String] = [:]
        for item in URLComponents(string: url.string)?.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        return parameters
    }
}

/// Sends signed-out browsers to the sign-in page, and customers away from the desk.
struct DeskGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.webUser != nil else {
            if request.method == .GET {
                // Back to the desk page asked for after signing in; anything else is not a place to return to.
                let next = request.url.path.hasPrefix(WebRoute.desk(.home).path) ? request.url.path : nil
                return request.redirect(to: WebRoute.signIn.query(["next": next]))
            }
            throw WebError.forbidden("Your session has ended. Sign in again, then send this once more.")
        }
        return try await next.respond(to: request)
    }
}

/// Admin pages need a manager or admin (tokens and settings: an admin, checked in the handlers).
struct AdminGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.webUser, user.role.managesPeople else {
            throw WebError.forbidden("The admin pages are for managers and admins.")
        }
        return try await next.respond(to: request)
    }
}
