import Fluent
import FrontlineCore
import Vapor

/// `GET /api/v1/users/{id}/profile`: one person's growth in one place: kudos, learning, skills,
/// projects, career moves and (only where the viewer may see them) coaching received. The API
/// answers for people the viewer may see (`PeopleAccess`); the desk's profile page also shows the
/// public parts of anyone else's (see `PersonProfile`).
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

    static let recentKudos = PersonProfile.recentKudos

    @Sendable static func show(req: Request) async throws -> ProfileDTO {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        _ = try await PeopleAccess.user(userId, on: req.db)
        try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
        let profile = try await PersonProfile.load(userId, viewer: viewer, on: req.db, today: Days.day(of: req.now))
        return ProfileDTO(
            user: try UserDTO(profile.user), kudosCount: profile.kudosCount, kudos: profile.kudos, learning: profile.learning ?? [],
            skills: profile.skills ?? [], projects: profile.projects, careerMoves: profile.careerMoves,
            coachingReceived: profile.coachingReceived ?? [])
    }
}
