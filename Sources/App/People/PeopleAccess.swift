import Fluent
import FrontlineCore
import Vapor

/// Who may see whose people data.
///
/// Agents see their own profile and logs; leads see the members of the teams they lead (a lead
/// leads a team by being a member of it with the lead role); managers and admins see the whole
/// department; customers see none of it. The kudos feed is the department's, open to all staff.
enum PeopleAccess {
    /// The teams `user` leads.
    static func teamsLed(by user: User, on db: any Database) async throws -> [UUID] {
        guard user.role == .lead else { return [] }
        return try await TeamMembership.query(on: db).filter(\.$userId == (try user.requireID())).all().map(\.teamId)
    }

    /// Members of the given teams.
    static func members(of teamIds: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !teamIds.isEmpty else { return [] }
        return Set(try await TeamMembership.query(on: db).filter(\.$teamId ~~ teamIds).all().map(\.userId))
    }

    /// The people `viewer` may see; nil means everyone (managers and admins).
    static func visiblePeople(to viewer: User, on db: any Database) async throws -> Set<UUID>? {
        if viewer.role.managesPeople { return nil }
        let me = try viewer.requireID()
        return try await members(of: teamsLed(by: viewer, on: db), on: db).union([me])
    }

    static func canSee(_ person: UUID, viewer: User, on db: any Database) async throws -> Bool {
        guard let visible = try await visiblePeople(to: viewer, on: db) else { return true }
        return visible.contains(person)
    }

    /// 403 unless `viewer` may see `person`'s people data.
    static func requireSee(_ person: UUID, viewer: User, on db: any Database) async throws {
        guard try await canSee(person, viewer: viewer, on: db) else {
            throw RequestError.forbidden("you can see your own people data; leads see their team's, managers everyone's")
        }
    }

    /// Whether `viewer` may change `person`'s logs as their lead or manager (not as themselves).
    static func leadsOrManages(_ person: UUID, viewer: User, on db: any Database) async throws -> Bool {
        if viewer.role.managesPeople { return true }
        guard viewer.role == .lead, person != viewer.id else { return false }
        return try await members(of: teamsLed(by: viewer, on: db), on: db).contains(person)
    }

    /// Coaching notes are private to the coach, the agent and their managers (managers and admins).
    /// A lead sees the sessions they ran, as the coach.
    static func canSeeCoaching(coachId: UUID, agentId: UUID, viewer: User) -> Bool {
        viewer.id == coachId || viewer.id == agentId || viewer.role.managesPeople
    }

    /// The user with `id`, or a 404 naming what was looked for.
    static func user(_ id: UUID, on db: any Database, field: String? = nil) async throws -> User {
        guard let user = try await User.find(id, on: db) else {
            if let field { throw PeopleError.invalid(field: field, reason: "no user has that id") }
            throw RequestError.notFound("user")
        }
        return user
    }
}

/// The people a lead-or-higher report covers: one team, the teams a lead leads, or everyone.
struct ReportScope: Sendable {
    let people: [User]
    let teamId: UUID?

    var ids: [UUID] { people.compactMap(\.id) }

    /// Reads `team_id`. A lead asks for a team they lead, or gets their teams; a manager or admin
    /// gets one team or the whole department. Agents and customers are refused before this.
    static func resolve(_ req: Request, viewer: User) async throws -> ReportScope {
        let teamId = try PeopleInput.uuidQuery(req, "team_id")
        let db = req.db
        var memberIds: Set<UUID>?
        if let teamId {
            guard try await Team.find(teamId, on: db) != nil else { throw RequestError.notFound("team") }
            if !viewer.role.managesPeople, try await !PeopleAccess.teamsLed(by: viewer, on: db).contains(teamId) {
                throw RequestError.forbidden("a lead sees reports of the teams they lead only")
            }
            memberIds = try await PeopleAccess.members(of: [teamId], on: db)
        } else if !viewer.role.managesPeople {
            memberIds = try await PeopleAccess.members(of: PeopleAccess.teamsLed(by: viewer, on: db), on: db)
        }
        let query = User.query(on: db).filter(\.$active == true).sort(\.$name)
        if let memberIds { query.filter(\.$id ~~ Array(memberIds)) }
        return ReportScope(people: try await query.all(), teamId: teamId)
    }
}

/// A reporting period of whole UTC days, `from` to `to` inclusive (default: the 28 days up to today).
struct ReportPeriod: Sendable {
    let from: String
    let to: String

    var days: Int { Days.count(from: from, to: to) }
    var weeks: Double { Double(days) / 7 }
    var start: Date { Days.start(of: from) }
    /// The instant the period ends (exclusive): midnight after `to`.
    var end: Date { Days.start(of: Days.adding(1, to: to)) }

    init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    static func resolve(_ req: Request) throws -> ReportPeriod {
        let now = req.now
        // A blank date (an emptied date field of a form) means the default.
        let rawTo = (try? req.query.get(String.self, at: "to")).flatMap { $0.isEmpty ? nil : $0 }
        let to = try rawTo.map { try Days.parse($0, field: "to") } ?? Days.day(of: now)
        let rawFrom = (try? req.query.get(String.self, at: "from")).flatMap { $0.isEmpty ? nil : $0 }
        let from = try rawFrom.map { try Days.parse($0, field: "from") } ?? Days.adding(-27, to: to)
        guard from <= to else { throw PeopleError.invalid(field: "from", reason: "from must be on or before to") }
        guard Days.count(from: from, to: to) <= 366 else {
            throw PeopleError.invalid(field: "to", reason: "a report covers at most 366 days")
        }
        return ReportPeriod(from: from, to: to)
    }

    /// The period of equal length `count` periods before this one.
    func previous(_ count: Int) -> ReportPeriod {
        ReportPeriod(from: Days.adding(-days * count, to: from), to: Days.adding(-days * count, to: to))
    }

    /// Whether `day` lies in the period.
    func contains(_ day: String) -> Bool { from <= day && day <= to }
}
