import Fluent
import FrontlineCore
import Vapor

/// One person's growth in one place, as a given viewer may see it. Kudos, projects and career
/// moves are the department's (open to all staff); learning, skills, coaching received and the
/// team-role result are private and are nil when the viewer may not see them (`PeopleAccess`,
/// `PeopleAccess.canSeeCoaching`, `RoleProfileController.mayRead`).
struct PersonProfile {
    let user: User
    let teams: [String]
    let kudosCount: Int
    let kudos: [KudosDTO]
    let projects: [ProjectDTO]
    let careerMoves: [CareerMoveDTO]
    let learning: [LearningEntryDTO]?
    let skills: [UserSkillDTO]?
    let coachingReceived: [CoachingSessionDTO]?
    /// Nil when not visible or not answered; see `roleProfileVisible`.
    let roleProfile: RoleProfileController.ProfileDTO?
    let roleProfileVisible: Bool

    static let recentKudos = 20

    static func load(_ userId: UUID, viewer: User, on db: any Database, today: String) async throws -> PersonProfile {
        let user = try await PeopleAccess.user(userId, on: db)
        let seesPrivate = try await PeopleAccess.canSee(userId, viewer: viewer, on: db)
        let teamIds = try await TeamMembership.query(on: db).filter(\.$userId == userId).all().map(\.teamId)
        let teams = try await teamIds.isEmpty ? [] : Team.query(on: db).filter(\.$id ~~ teamIds).sort(\.$name).all().map(\.name)

        let kudosCount = try await Kudos.query(on: db).filter(\.$toUserId == userId).count()
        let kudos = try await Kudos.query(on: db).filter(\.$toUserId == userId).sort(\.$createdAt, .descending).limit(recentKudos).all()
        let projectIds = try await ProjectMember.query(on: db).filter(\.$userId == userId).all().map(\.projectId)
        let projects = try await projectIds.isEmpty ? [] : Project.query(on: db).filter(\.$id ~~ projectIds).sort(\.$createdAt, .descending).all()
        let moves = try await CareerMove.query(on: db).filter(\.$userId == userId).sort(\.$on, .descending).all()

        var learning: [LearningEntryDTO]?
        var skills: [UserSkillDTO]?
        var coaching: [CoachingSessionDTO]?
        if seesPrivate {
            learning = try await LearningEntry.query(on: db).filter(\.$authorId == userId).sort(\.$createdAt, .descending).all()
                .map(LearningEntryDTO.init)
            skills = try await SkillsController.dtos(of: userId, on: db)
            let sessions = try await CoachingSession.query(on: db).filter(\.$agentId == userId).sort(\.$on, .descending).all()
                .filter { PeopleAccess.canSeeCoaching(coachId: $0.coachId, agentId: $0.agentId, viewer: viewer) }
            coaching = try await CoachingPresenter.dtos(sessions, on: db, today: today)
        }
        let roleVisible = RoleProfileController.mayRead(userId, viewer: viewer)
        // A profile answered under an older wording shows as not answered: the person answers again.
        var role: RoleProfileController.ProfileDTO?
        if roleVisible { role = (try? await RoleProfileController.result(for: userId, on: db)) ?? nil }
        return PersonProfile(
            user: user, teams: teams, kudosCount: kudosCount, kudos: try await KudosPresenter.dtos(kudos, on: db),
            projects: try await ProjectsController.dtos(projects, on: db), careerMoves: try await CareerMovesController.dtos(moves, on: db),
            learning: learning, skills: skills, coachingReceived: coaching, roleProfile: role, roleProfileVisible: roleVisible)
    }
}
