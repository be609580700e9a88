import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/coaching-sessions`: leads, managers and admins log the coaching they give and edit it;
/// the agent acknowledges and may add their view; coach or agent closes the agreed actions.
/// Sessions are visible only to the coach, the agent and managers/admins; to anyone else they do
/// not exist (404). The rules live in `CoachingLog`.
enum CoachingController {
    typealias CreateRequest = CoachingLog.SessionInput
    typealias UpdateRequest = CoachingLog.SessionChanges

    struct AcknowledgeRequest: Content {
        let agentView: String?

        enum CodingKeys: String, CodingKey {
            case agentView = "agent_view"
        }
    }

    struct SessionList: Content {
        let sessions: [CoachingSessionDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let coach = try req.staff(atLeast: .lead)
        let input = try req.content.decode(CreateRequest.self)
        let dto = try await req.write { db in
            try await CoachingPresenter.dto(try await CoachingLog.create(input, coach: coach, on: db, now: req.now), on: db, today: Days.day(of: req.now))
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// The sessions the viewer may see, optionally of one agent or one coach.
    @Sendable static func list(req: Request) async throws -> SessionList {
        let viewer = try req.staff()
        let sessions = try await CoachingLog.sessions(
            visibleTo: viewer, agentId: try PeopleInput.uuidQuery(req, "agent_id"), coachId: try PeopleInput.uuidQuery(req, "coach_id"), on: req.db)
        return SessionList(sessions: try await CoachingPresenter.dtos(sessions, on: req.db, today: Days.day(of: req.now)))
    }

    @Sendable static func show(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let session = try await CoachingLog.visibleSession(try req.id("sessionID", of: "coaching session"), viewer: viewer, on: req.db)
        return try await CoachingPresenter.dto(session, on: req.db, today: Days.day(of: req.now))
    }

    /// The coach or a manager edits the session.
    @Sendable static func update(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let id = try req.id("sessionID", of: "coaching session")
        let changes = try req.content.decode(UpdateRequest.self)
        return try await req.write { db in
            try await CoachingPresenter.dto(try await CoachingLog.update(id, changes, by: viewer, on: db, now: req.now), on: db, today: Days.day(of: req.now))
        }
    }

    /// The agent confirms they had the session and may add their own view of it.
    @Sendable static func acknowledge(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let input = try req.content.decode(AcknowledgeRequest.self)
        let id = try req.id("sessionID", of: "coaching session")
        return try await req.write { db in
            try await CoachingPresenter.dto(try await CoachingLog.acknowledge(id, view: input.agentView, by: viewer, on: db, now: req.now), on: db, today: Days.day(of: req.now))
        }
    }

    /// Coach or agent marks an agreed action done.
    @Sendable static func actionDone(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let id = try req.id("sessionID", of: "coaching session")
        let actionId = try req.id("actionID", of: "agreed action")
        return try await req.write { db in
            try await CoachingPresenter.dto(try await CoachingLog.markDone(id, action: actionId, by: viewer, on: db, now: req.now), on: db, today: Days.day(of: req.now))
        }
    }
}

/// A coaching session with its topics, tickets and agreed actions.
struct CoachingSessionDTO: Content {
    struct Action: Content {
        let id: UUID
        let description: String
        let dueOn: String?
        let doneAt: Date?
        let doneBy: UUID?
        /// Open and past its due day.
        let overdue: Bool

        enum CodingKeys: String, CodingKey {
            case id, description, overdue
            case dueOn = "due_on", doneAt = "done_at", doneBy = "done_by"
        }
    }

    let id: UUID
    let coachId: UUID
    let agentId: UUID
    let on: String
    let minutes: Int
    let topics: [String]
    let ticketIds: [UUID]
    let notes: String?
    let actions: [Action]
    let overdueActions: Int
    let agentView: String?
    let acknowledgedAt: Date?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, on, minutes, topics, notes, actions
        case coachId = "coach_id", agentId = "agent_id", ticketIds = "ticket_ids", agentView = "agent_view"
        case overdueActions = "overdue_actions", acknowledgedAt = "acknowledged_at", createdAt = "created_at"
    }
}

/// Builds session DTOs with their topics, tickets and actions in three queries.
enum CoachingPresenter {
    static func dto(_ session: CoachingSession, on db: any Database, today: String) async throws -> CoachingSessionDTO {
        try await dtos([session], on: db, today: today)[0]
    }

    static func dtos(_ sessions: [CoachingSession], on db: any Database, today: String) async throws -> [CoachingSessionDTO] {
        guard !sessions.isEmpty else { return [] }
        let ids = try sessions.map { try $0.requireID() }
        let topics = Dictionary(grouping: try await CoachingTopic.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        let tickets = Dictionary(grouping: try await CoachingTicket.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        let actions = Dictionary(grouping: try await CoachingAction.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        return try sessions.map { session in
            let id = try session.requireID()
            let own = try (actions[id] ?? []).sorted { $0.position < $1.position }.map { action in
                CoachingSessionDTO.Action(
                    id: try action.requireID(), description: action.actionDescription, dueOn: action.dueOn,
                    doneAt: action.doneAt, doneBy: action.doneBy, overdue: action.isOverdue(today: today))
            }
            return CoachingSessionDTO(
                id: id, coachId: session.coachId, agentId: session.agentId, on: session.on, minutes: session.minutes,
                topics: (topics[id] ?? []).map(\.topic).sorted(), ticketIds: (tickets[id] ?? []).map(\.ticketId),
                notes: session.notes, actions: own, overdueActions: own.count { $0.overdue },
                agentView: session.agentView, acknowledgedAt: session.acknowledgedAt, createdAt: session.createdAt)
        }
    }
}
