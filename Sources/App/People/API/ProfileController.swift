import Fluent
import FrontlineCore
import Vapor

/// `GET /api/v1/users/{id}/profile`: one person's growth in one place: kudos, learning, skills,
/// projects, career moves and (only where the viewer may see them) coaching received.
enum ProfileController {
    struct ProfileDTO: Content {
        let user: UserDTO
        let kudosCount: Int
        let kudos: [KudosDTO]
        let learning: [LearningEntryDTO]
        let skills: [UserSkillDTO]
        let projects: [ProjectDTO]
        let careerMoves: [CareerMoveDTO]
        let coachingReceived: [CoachingSessionDTO]

        enum CodingKeys: String, CodingKey {
            case user, kudos, learning, skills, projects
            case kudosCount = "kudos_count", careerMoves = "career_moves", coachingReceived = "coaching_received"
        }
    }

    static let recentKudos = 20

    @Sendable static func show(req: Request) async throws -> ProfileDTO {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        let user = try await PeopleAccess.user(userId, on: req.db)
        try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
        let db = req.db

        let kudosQuery = Kudos.query(on: db).filter(\.$toUserId == userId)
        let kudosCount = try await kudosQuery.count()
        let kudos = try await Kudos.query(on: db).filter(\.$toUserId == userId).sort(\.$createdAt, .descending).limit(recentKudos).all()
        let learning = try await LearningEntry.query(on: db).filter(\.$authorId == userId).sort(\.$createdAt, .descending).all()
        let projectIds = try await ProjectMember.query(on: db).filter(\.$userId == userId).all().map(\.projectId)
        let projects = try await projectIds.isEmpty ? [] : Project.query(on: db).filter(\.$id ~~ projectIds).sort(\.$createdAt, .descending).all()
        let moves = try await CareerMove.query(on: db).filter(\.$userId == userId).sort(\.$on, .descending).all()
        let sessions = try await CoachingSession.query(on: db).filter(\.$agentId == userId).sort(\.$on, .descending).all()
            .filter { PeopleAccess.canSeeCoaching(coachId: $0.coachId, agentId: $0.agentId, viewer: viewer) }

        return ProfileDTO(
            user: try UserDTO(user), kudosCount: kudosCount, kudos: try await KudosPresenter.dtos(kudos, on: db),
            learning: try learning.map(LearningEntryDTO.init), skills: try await SkillsController.dtos(of: userId, on: db),
            projects: try await ProjectsController.dtos(projects, on: db), careerMoves: try await CareerMovesController.dtos(moves, on: db),
            coachingReceived: try await CoachingPresenter.dtos(sessions, on: db))
    }
}
