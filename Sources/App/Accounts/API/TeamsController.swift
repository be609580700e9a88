import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/teams`: teams and their members. Staff read; managers and admins manage.
enum TeamsController {
    struct TeamRequest: Content {
        let name: String?
        let description: String?
    }

    struct MemberRequest: Content {
        let userId: UUID

        enum CodingKeys: String, CodingKey {
            case userId = "user_id"
        }
    }

    struct TeamList: Content {
        let teams: [TeamDTO]
    }

    @Sendable static func list(req: Request) async throws -> TeamList {
        _ = try req.staff()
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let memberships = try await TeamMembership.query(on: req.db).all()
        let members = Dictionary(grouping: memberships, by: \.teamId)
        return TeamList(teams: try teams.map { try TeamDTO($0, memberIds: (members[try $0.requireID()] ?? []).map(\.userId)) })
    }

    @Sendable static func show(req: Request) async throws -> TeamDTO {
        _ = try req.staff()
        return try await dto(try await find(req), on: req.db)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(TeamRequest.self)
        guard let rawName = input.name else { throw RequestError(.unprocessableEntity, "missing_field", "name is required", field: "name") }
        let name = try checkName(rawName)
        let team = try await req.write { db in
            if try await Team.query(on: db).filter(\.$name == name).first() != nil {
                throw RequestError.conflict("a team named \(name) already exists", field: "name")
            }
            let team = Team(name: name, description: input.description, at: req.now)
            try await team.create(on: db)
            try await AuditLog.record(.teamCreated, by: .init(actor), subject: "team", id: team.id?.uuidString, after: AuditSnapshot.Team(team), at: req.now, on: db)
            return team
        }
        return try await TeamDTO(team, memberIds: []).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> TeamDTO {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(TeamRequest.self)
        let team = try await find(req)
        let before = AuditSnapshot.Team(team)
        return try await req.write { db in
            if let rawName = input.name {
                let name = try checkName(rawName)
                if name != team.name, try await Team.query(on: db).filter(\.$name == name).first() != nil {
                    throw RequestError.conflict("a team named \(name) already exists", field: "name")
                }
                team.name = name
            }
            if let description = input.description { team.teamDescription = description }
            try await team.save(on: db)
            try await AuditLog.record(.teamChanged, by: .init(actor), subject: "team", id: team.id?.uuidString, before: before, after: AuditSnapshot.Team(team), at: req.now, on: db)
            return try await dto(team, on: db)
        }
    }

    /// A team with tickets cannot be deleted: those tickets would lose their queue.
    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let actor = try req.staff(atLeast: .manager)
        let team = try await find(req)
        let teamId = try team.requireID()
        try await req.write { db in
            if try await Ticket.query(on: db).filter(\.$teamId == teamId).count() > 0 {
                throw RequestError.conflict("the team still has tickets; hand them off first")
            }
            try await TeamMembership.query(on: db).filter(\.$teamId == teamId).delete()
            try await team.delete(on: db)
            try await AuditLog.record(.teamDeleted, by: .init(actor), subject: "team", id: teamId.uuidString, before: AuditSnapshot.Team(team), at: req.now, on: db)
        }
        return .noContent
    }

    @Sendable static func addMember(req: Request) async throws -> Response {
        let actor = try req.staff(atLeast: .manager)
        let team = try await find(req)
        let input = try req.content.decode(MemberRequest.self)
        let teamId = try team.requireID()
        let updated = try await req.write { db in
            guard try await User.find(input.userId, on: db) != nil else {
                throw RequestError.invalid("user_id", "no user has that id")
            }
            let existing = try await TeamMembership.query(on: db)
                .filter(\.$teamId == teamId).filter(\.$userId == input.userId).first()
            if existing == nil {
                try await TeamMembership(teamId: teamId, userId: input.userId, at: req.now).create(on: db)
                try await AuditLog.record(
                    .teamMemberAdded, by: .init(actor), subject: "team", id: teamId.uuidString,
                    after: AuditSnapshot.Membership(teamId: teamId, userId: input.userId), at: req.now, on: db)
            }
            return try await dto(team, on: db)
        }
        return try await updated.encodeResponse(status: .created, for: req)
    }

    @Sendable static func removeMember(req: Request) async throws -> HTTPStatus {
        let actor = try req.staff(atLeast: .manager)
        let team = try await find(req)
        let teamId = try team.requireID()
        let userId = try req.id("userID", of: "member")
        try await req.write { db in
            guard let membership = try await TeamMembership.query(on: db)
                .filter(\.$teamId == teamId).filter(\.$userId == userId).first()
            else { throw RequestError.notFound("member") }
            try await membership.delete(on: db)
            try await AuditLog.record(
                .teamMemberRemoved, by: .init(actor), subject: "team", id: teamId.uuidString,
                before: AuditSnapshot.Membership(teamId: teamId, userId: userId), at: req.now, on: db)
        }
        return .noContent
    }

    private static func checkName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.unicodeScalars.count) else { throw RequestError.invalid("name", "name must be 1 to 100 characters") }
        return name
    }

    private static func dto(_ team: Team, on db: any Database) async throws -> TeamDTO {
        let members = try await TeamMembership.query(on: db).filter(\.$teamId == (try team.requireID())).all()
        return try TeamDTO(team, memberIds: members.map(\.userId))
    }

    private static func find(_ req: Request) async throws -> Team {
        guard let team = try await Team.find(try req.id("teamID", of: "team"), on: req.db) else { throw RequestError.notFound("team") }
        return team
    }
}
