import Fluent
import Vapor

/// Agreed actions of coaching that are still open past their due day, for the coaching report:
/// what was promised in coaching should not silently lapse either. Only sessions the viewer may see
/// (`PeopleAccess.canSeeCoaching`) are listed, since actions are part of the private notes.
enum OverdueActions {
    struct Item: Content {
        let sessionId: UUID
        let actionId: UUID
        let coachId: UUID
        let agentId: UUID
        let agentName: String
        let description: String
        let dueOn: String

        enum CodingKeys: String, CodingKey {
            case description
            case sessionId = "session_id", actionId = "action_id", coachId = "coach_id", agentId = "agent_id"
            case agentName = "agent_name", dueOn = "due_on"
        }
    }

    /// Open actions due before `today` of sessions with someone of `people` (as coach or agent), oldest due first.
    static func list(people: [UUID], viewer: User, today: String, on db: any Database) async throws -> [Item] {
        guard !people.isEmpty else { return [] }
        let open = try await CoachingAction.query(on: db).filter(\.$doneAt == nil).filter(\.$dueOn < today).all()
        guard !open.isEmpty else { return [] }
        let sessions = try await CoachingSession.query(on: db).filter(\.$id ~~ Array(Set(open.map(\.sessionId)))).all()
        let inScope = Set(people)
        let visible = Dictionary(uniqueKeysWithValues: try sessions.filter { session in
            (inScope.contains(session.agentId) || inScope.contains(session.coachId))
                && PeopleAccess.canSeeCoaching(coachId: session.coachId, agentId: session.agentId, viewer: viewer)
        }.map { (try $0.requireID(), $0) })
        let agentIds = Array(Set(visible.values.map(\.agentId)))
        let names = try await agentIds.isEmpty ? [:] : Dictionary(uniqueKeysWithValues:
            User.query(on: db).filter(\.$id ~~ agentIds).all().map { (try $0.requireID(), $0.name) })
        return try open.compactMap { action -> Item? in
            guard let session = visible[action.sessionId], let due = action.dueOn else { return nil }
            return Item(
                sessionId: action.sessionId, actionId: try action.requireID(), coachId: session.coachId, agentId: session.agentId,
                agentName: names[session.agentId] ?? "", description: action.actionDescription, dueOn: due)
        }.sorted { ($0.dueOn, $0.agentName) < ($1.dueOn, $1.agentName) }
    }
}
