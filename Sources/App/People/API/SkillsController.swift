import Fluent
import FrontlineCore
import Vapor

/// Skills: the catalogue (`/api/v1/skills`) and each person's levels (`/api/v1/users/{id}/skills`).
/// A person assesses themselves (1–5); their lead or a manager confirms a level.
enum SkillsController {
    struct AssessRequest: Content {
        let name: String?
        let kind: SkillKind?
        let level: Int?
    }

    struct ConfirmRequest: Content {
        let level: Int?
    }

    struct SkillList: Content {
        let skills: [SkillDTO]
    }

    struct UserSkillList: Content {
        let skills: [UserSkillDTO]
    }

    @Sendable static func catalogue(req: Request) async throws -> SkillList {
        _ = try req.staff()
        return SkillList(skills: try await Skill.query(on: req.db).sort(\.$kind).sort(\.$name).all().map(SkillDTO.init))
    }

    @Sendable static func list(req: Request) async throws -> UserSkillList {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        _ = try await PeopleAccess.user(userId, on: req.db)
        try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
        return UserSkillList(skills: try await dtos(of: userId, on: req.db))
    }

    /// The person rates themselves in a skill, adding it to the catalogue when new (then `kind` is needed).
    @Sendable static func assess(req: Request) async throws -> Response {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        let input = try req.content.decode(AssessRequest.self)
        let (dto, created) = try await req.write { db in try await assess(input, for: userId, by: viewer, on: db, now: req.now) }
        return try await dto.encodeResponse(status: created ? .created : .ok, for: req)
    }

    /// Stores a self-assessment; returns the level and whether it is the person's first in that skill.
    static func assess(_ input: AssessRequest, for userId: UUID, by viewer: User, on db: any Database, now: Date) async throws -> (UserSkillDTO, Bool) {
        guard userId == viewer.id else { throw PeopleError.notYours("only the person themselves assesses their skills; leads confirm them") }
        let name = try PeopleInput.text(input.name, field: "name", max: 100)
        let level = try checkLevel(input.level)
        var skill = try await Skill.query(on: db).filter(\.$nameNormalized == name.lowercased()).first()
        if skill == nil {
            guard let kind = input.kind else {
                throw PeopleError.invalid(field: "kind", reason: "a new skill needs its kind: product, technical or emotional")
            }
            let new = Skill(name: name, kind: kind, at: now)
            try await new.create(on: db)
            skill = new
        }
        let skillId = try skill!.requireID()
        let existing = try await UserSkill.query(on: db).filter(\.$userId == userId).filter(\.$skillId == skillId).first()
        let entry = existing ?? UserSkill(userId: userId, skillId: skillId, selfLevel: level, at: now)
        entry.selfLevel = level
        entry.updatedAt = now
        try await entry.save(on: db)
        return (try UserSkillDTO(entry, skill: skill!), existing == nil)
    }

    /// A lead of the person's team, a manager or an admin confirms a level; never one's own.
    @Sendable static func confirm(req: Request) async throws -> UserSkillDTO {
        let viewer = try req.staff(atLeast: .lead)
        let userId = try req.id("userID", of: "user")
        let skillId = try req.id("skillID", of: "skill")
        let input = try req.content.decode(ConfirmRequest.self)
        return try await req.write { db in try await confirm(skillId, of: userId, level: input.level, by: viewer, on: db, now: req.now) }
    }

    static func confirm(_ skillId: UUID, of userId: UUID, level rawLevel: Int?, by viewer: User, on db: any Database, now: Date) async throws -> UserSkillDTO {
        guard viewer.role >= .lead else { throw RequestError.forbidden("this needs the lead role or higher") }
        guard userId != viewer.id else { throw PeopleError.confirmOwnSkill }
        let level = try checkLevel(rawLevel)
        guard try await PeopleAccess.leadsOrManages(userId, viewer: viewer, on: db) else {
            throw RequestError.forbidden("a lead confirms the skills of the teams they lead")
        }
        guard let skill = try await Skill.find(skillId, on: db),
              let entry = try await UserSkill.query(on: db).filter(\.$userId == userId).filter(\.$skillId == skillId).first()
        else { throw RequestError.notFound("skill") }
        entry.confirmedLevel = level
        entry.confirmedBy = try viewer.requireID()
        entry.confirmedAt = now
        entry.updatedAt = now
        try await entry.save(on: db)
        return try UserSkillDTO(entry, skill: skill)
    }

    static func dtos(of userId: UUID, on db: any Database) async throws -> [UserSkillDTO] {
        let entries = try await UserSkill.query(on: db).filter(\.$userId == userId).all()
        let skills = try await entries.isEmpty ? [] : Skill.query(on: db).filter(\.$id ~~ entries.map(\.skillId)).all()
        let byId = Dictionary(uniqueKeysWithValues: try skills.map { (try $0.requireID(), $0) })
        return try entries.compactMap { entry in try byId[entry.skillId].map { try UserSkillDTO(entry, skill: $0) } }
            .sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
    }

    private static func checkLevel(_ level: Int?) throws -> Int {
        guard let level else { throw RequestError(.unprocessableEntity, "missing_field", "level is required", field: "level") }
        guard (1...5).contains(level) else { throw PeopleError.invalid(field: "level", reason: "level must be from 1 to 5") }
        return level
    }
}

/// A skill of the catalogue.
struct SkillDTO: Content {
    let id: UUID
    let name: String
    let kind: SkillKind

    init(_ skill: Skill) throws {
        id = try skill.requireID()
        name = skill.name
        kind = skill.kind
    }
}

/// A person's level in a skill.
struct UserSkillDTO: Content {
    let skillId: UUID
    let name: String
    let kind: SkillKind
    let level: Int
    let confirmedLevel: Int?
    let confirmedBy: UUID?
    let confirmedAt: Date?

    enum CodingKeys: String, CodingKey {
        case name, kind, level
        case skillId = "skill_id", confirmedLevel = "confirmed_level", confirmedBy = "confirmed_by", confirmedAt = "confirmed_at"
    }

    init(_ entry: UserSkill, skill: Skill) throws {
        skillId = try skill.requireID()
        name = skill.name
        kind = skill.kind
        level = entry.selfLevel
        confirmedLevel = entry.confirmedLevel
        confirmedBy = entry.confirmedBy
        confirmedAt = entry.confirmedAt
    }
}
