import Fluent
import FrontlineCore
import Vapor

/// The team-role profile (seed 002: coach, cheerleader, team player, score keeper). Each person
/// answers for themselves; the result is visible to the person and their managers (managers and
/// admins) only. A team's mix is shown to managers as counts per role, never with names.
enum RoleProfileController {
    /// The questionnaire, read once from `Resources/role-profile.json` (embedded in the binary) and checked.
    static let questionnaire: RoleProfileQuestionnaire? = {
        guard let data = EmbeddedResources.data("role-profile.json"),
              let questionnaire = try? JSONDecoder().decode(RoleProfileQuestionnaire.self, from: data),
              (try? questionnaire.validate()) != nil
        else { return nil }
        return questionnaire
    }()

    static func loaded() throws -> RoleProfileQuestionnaire {
        guard let questionnaire else { throw Abort(.internalServerError, reason: "the role-profile questionnaire is missing from the build") }
        return questionnaire
    }

    /// The questions without the role behind each choice, so answers are not steered.
    struct QuestionsDTO: Content {
        struct Choice: Content { let id: String; let text: String }
        struct Question: Content { let id: String; let text: String; let choices: [Choice] }
        let version: Int
        let roles: [RoleProfileQuestionnaire.Role]
        let questions: [Question]
    }

    struct AnswersRequest: Content {
        let answers: [String: String]
    }

    struct ProfileDTO: Content {
        let userId: UUID
        let questionnaireVersion: Int
        let primary: RoleProfileQuestionnaire.Role
        let secondary: RoleProfileQuestionnaire.Role?
        let isTie: Bool
        let counts: [String: Int]
        let percentages: [String: Double]
        let answers: [String: String]
        let updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case primary, secondary, counts, percentages, answers
            case userId = "user_id", questionnaireVersion = "questionnaire_version", isTie = "is_tie", updatedAt = "updated_at"
        }
    }

    struct RoleMixDTO: Content {
        let teamId: UUID
        let members: Int
        let profiles: Int
        /// People whose leading role is each role; counts only.
        let counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case members, profiles, counts
            case teamId = "team_id"
        }
    }

    @Sendable static func questions(req: Request) async throws -> QuestionsDTO {
        _ = try req.staff()
        let questionnaire = try loaded()
        return QuestionsDTO(
            version: questionnaire.version, roles: questionnaire.roles,
            questions: questionnaire.questions.map { question in
                .init(id: question.id, text: question.text, choices: question.choices.map { .init(id: $0.id, text: $0.text) })
            })
    }

    @Sendable static func put(req: Request) async throws -> ProfileDTO {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        let input = try req.content.decode(AnswersRequest.self)
        return try await req.write { db in try await answer(input.answers, for: userId, by: viewer, on: db, now: req.now) }
    }

    /// Scores and stores the person's answers; only the person themselves answers.
    static func answer(_ answers: [String: String], for userId: UUID, by viewer: User, on db: any Database, now: Date) async throws -> ProfileDTO {
        guard userId == viewer.id else { throw PeopleError.notYours("only the person themselves answers their team-role profile") }
        let questionnaire = try loaded()
        let result: RoleProfileResult
        do throws(RoleProfileError) { result = try questionnaire.score(answers: answers) } catch { throw PeopleError.roleProfile(error) }
        let profile = try await RoleProfile.query(on: db).filter(\.$userId == userId).first() ?? RoleProfile()
        profile.userId = userId
        profile.questionnaireVersion = questionnaire.version
        profile.answers = JSONValue.object(answers.mapValues { .string($0) }).storedText
        profile.primaryRole = result.primary.rawValue
        profile.secondaryRole = result.secondary?.rawValue
        profile.updatedAt = now
        try await profile.save(on: db)
        return try dto(profile, result: result, questionnaire: questionnaire)
    }

    @Sendable static func show(req: Request) async throws -> ProfileDTO {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        guard mayRead(userId, viewer: viewer) else {
            throw RequestError.forbidden("a team-role profile is visible to the person and their managers only")
        }
        _ = try await PeopleAccess.user(userId, on: req.db)
        guard let profile = try await result(for: userId, on: req.db) else { throw RequestError.notFound("role profile") }
        return profile
    }

    /// The person and managers (managers and admins) read a team-role profile.
    static func mayRead(_ userId: UUID, viewer: User) -> Bool {
        userId == viewer.id || viewer.role.managesPeople
    }

    /// The scored profile of a person, or nil when they have not answered. 409 when it was answered
    /// under an older wording of the questionnaire.
    static func result(for userId: UUID, on db: any Database) async throws -> ProfileDTO? {
        guard let profile = try await RoleProfile.query(on: db).filter(\.$userId == userId).first() else { return nil }
        let questionnaire = try loaded()
        let answers = try storedAnswers(profile)
        let result: RoleProfileResult
        do { result = try questionnaire.score(answers: answers) } catch {
            throw RequestError.conflict("this profile was answered on questionnaire version \(profile.questionnaireVersion); answer again")
        }
        return try dto(profile, result: result, questionnaire: questionnaire)
    }

    /// A team's mix: how many members lead with each role; counts only, never names.
    static func mix(of teamId: UUID, on db: any Database) async throws -> RoleMixDTO {
        let members = try await PeopleAccess.members(of: [teamId], on: db)
        let profiles = try await members.isEmpty ? [] : RoleProfile.query(on: db).filter(\.$userId ~~ Array(members)).all()
        var counts = Dictionary(uniqueKeysWithValues: TeamRole.allCases.map { ($0.rawValue, 0) })
        for profile in profiles { counts[profile.primaryRole, default: 0] += 1 }
        return RoleMixDTO(teamId: teamId, members: members.count, profiles: profiles.count, counts: counts)
    }

    @Sendable static func roleMix(req: Request) async throws -> RoleMixDTO {
        _ = try req.staff(atLeast: .manager)
        let teamId = try req.id("teamID", of: "team")
        guard try await Team.find(teamId, on: req.db) != nil else { throw RequestError.notFound("team") }
        return try await mix(of: teamId, on: req.db)
    }

    private static func storedAnswers(_ profile: RoleProfile) throws -> [String: String] {
        guard case .object(let fields) = JSONValue(storedText: profile.answers) else { return [:] }
        return fields.compactMapValues { if case .string(let choice) = $0 { choice } else { nil } }
    }

    private static func dto(_ profile: RoleProfile, result: RoleProfileResult, questionnaire: RoleProfileQuestionnaire) throws -> ProfileDTO {
        func role(_ role: TeamRole) -> RoleProfileQuestionnaire.Role {
            questionnaire.roles.first { $0.id == role.rawValue } ?? .init(id: role.rawValue, name: role.rawValue, description: "")
        }
        return ProfileDTO(
            userId: profile.userId, questionnaireVersion: profile.questionnaireVersion, primary: role(result.primary),
            secondary: result.secondary.map(role), isTie: result.isTie,
            counts: Dictionary(uniqueKeysWithValues: result.counts.map { ($0.key.rawValue, $0.value) }),
            percentages: Dictionary(uniqueKeysWithValues: result.percentages.map { ($0.key.rawValue, $0.value) }),
            answers: try storedAnswers(profile), updatedAt: profile.updatedAt)
    }
}
