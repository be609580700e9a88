import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/coaching-sessions`: leads, managers and admins log the coaching they give; the agent
/// acknowledges and may add their view. Sessions are visible only to the coach, the agent and
/// managers/admins; to anyone else they do not exist (404).
enum CoachingController {
    struct ActionRequest: Content {
        let description: String?
        let dueOn: String?

        enum CodingKeys: String, CodingKey {
            case description
            case dueOn = "due_on"
        }
    }

    struct CreateRequest: Content {
        let agentId: UUID?
        let on: String?
        let minutes: Int?
        let topics: [String]?
        let ticketIds: [UUID]?
        let notes: String?
        let actions: [ActionRequest]?

        enum CodingKeys: String, CodingKey {
            case on, minutes, topics, notes, actions
            case agentId = "agent_id", ticketIds = "ticket_ids"
        }
    }

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
        guard let agentId = input.agentId else {
            throw RequestError(.unprocessableEntity, "missing_field", "agent_id is required", field: "agent_id")
        }
        let on = try Days.parse(input.on, field: "on")
        let minutes = try PeopleInput.minutes(input.minutes, max: 480)
        let topics = try (input.topics ?? []).map { try PeopleInput.text($0, field: "topics", max: 100) }
        let notes = try PeopleInput.optionalText(input.notes, field: "notes")
        let actions = try (input.actions ?? []).map { action in
            (try PeopleInput.text(action.description, field: "actions.description", max: 500),
             try action.dueOn.map { try Days.parse($0, field: "actions.due_on") })
        }
        let ticketIds = Array(Set(input.ticketIds ?? []))
        let dto = try await req.write { db in
            let agent = try await PeopleAccess.user(agentId, on: db, field: "agent_id")
            guard agentId != coach.id else { throw PeopleError.invalid(field: "agent_id", reason: "a coaching session is with someone else") }
            guard try await PeopleAccess.leadsOrManages(try agent.requireID(), viewer: coach, on: db) else {
                throw RequestError.forbidden("a lead coaches the members of the teams they lead")
            }
            try await TicketFigures.requireTickets(ticketIds, field: "ticket_ids", on: db)
            let session = CoachingSession(coachId: try coach.requireID(), agentId: agentId, on: on, minutes: minutes, notes: notes, at: Date())
            try await session.create(on: db)
            let sessionId = try session.requireID()
            for topic in topics { try await CoachingTopic(sessionId: sessionId, topic: topic).create(on: db) }
            for ticketId in ticketIds {
                try await CoachingTicket(sessionId: sessionId, ticketId: ticketId).create(on: db)
                // A queued ticket discussed in this session leaves the queue.
                for item in try await CoachingQueueItem.query(on: db).filter(\.$ticketId == ticketId).filter(\.$sessionId == nil).all() {
                    item.sessionId = sessionId
                    try await item.save(on: db)
                }
            }
            for (position, action) in actions.enumerated() {
                try await CoachingAction(sessionId: sessionId, description: action.0, dueOn: action.1, position: position).create(on: db)
            }
            return try await CoachingPresenter.dtos([session], on: db)[0]
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// The sessions the viewer may see, optionally of one agent or one coach.
    @Sendable static func list(req: Request) async throws -> SessionList {
        let viewer = try req.staff()
        let query = CoachingSession.query(on: req.db).sort(\.$on, .descending)
        if let agentId = try PeopleInput.uuidQuery(req, "agent_id") { query.filter(\.$agentId == agentId) }
        if let coachId = try PeopleInput.uuidQuery(req, "coach_id") { query.filter(\.$coachId == coachId) }
        if !viewer.role.managesPeople {
            let me = try viewer.requireID()
            query.group(.or) { $0.filter(\.$agentId == me).filter(\.$coachId == me) }
        }
        return SessionList(sessions: try await CoachingPresenter.dtos(try await query.all(), on: req.db))
    }

    @Sendable static func show(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let session = try await visibleSession(req, viewer: viewer, on: req.db)
        return try await CoachingPresenter.dtos([session], on: req.db)[0]
    }

    /// The agent confirms they had the session and may add their own view of it.
    @Sendable static func acknowledge(req: Request) async throws -> CoachingSessionDTO {
        let viewer = try req.staff()
        let input = try req.content.decode(AcknowledgeRequest.self)
        let view = try PeopleInput.optionalText(input.agentView, field: "agent_view")
        let id = try req.id("sessionID", of: "coaching session")
        return try await req.write { db in
            guard let session = try await CoachingSession.find(id, on: db),
                  PeopleAccess.canSeeCoaching(coachId: session.coachId, agentId: session.agentId, viewer: viewer)
            else { throw RequestError.notFound("coaching session") }
            guard session.agentId == viewer.id else {
                throw PeopleError.notYours("only the coached agent acknowledges a session")
            }
            session.acknowledgedAt = Date()
            if let view { session.agentView = view }
            try await session.save(on: db)
            return try await CoachingPresenter.dtos([session], on: db)[0]
        }
    }

    static func visibleSession(_ req: Request, viewer: User, on db: any Database) async throws -> CoachingSession {
        guard let session = try await CoachingSession.find(try req.id("sessionID", of: "coaching session"), on: db),
              PeopleAccess.canSeeCoaching(coachId: session.coachId, agentId: session.agentId, viewer: viewer)
        else { throw RequestError.notFound("coaching session") }
        return session
    }
}

/// A coaching session with its topics, tickets and agreed actions.
struct CoachingSessionDTO: Content {
    struct Action: Content {
        let description: String
        let dueOn: String?

        enum CodingKeys: String, CodingKey {
            case description
            case dueOn = "due_on"
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
    let agentView: String?
    let acknowledgedAt: Date?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, on, minutes, topics, notes, actions
        case coachId = "coach_id", agentId = "agent_id", ticketIds = "ticket_ids", agentView = "agent_view"
        case acknowledgedAt = "acknowledged_at", createdAt = "created_at"
    }
}

/// Builds session DTOs with their topics, tickets and actions in three queries.
enum CoachingPresenter {
    static func dtos(_ sessions: [CoachingSession], on db: any Database) async throws -> [CoachingSessionDTO] {
        guard !sessions.isEmpty else { return [] }
        let ids = try sessions.map { try $0.requireID() }
        let topics = Dictionary(grouping: try await CoachingTopic.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        let tickets = Dictionary(grouping: try await CoachingTicket.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        let actions = Dictionary(grouping: try await CoachingAction.query(on: db).filter(\.$sessionId ~~ ids).all(), by: \.sessionId)
        return try sessions.map { session in
            let id = try session.requireID()
            return CoachingSessionDTO(
                id: id, coachId: session.coachId, agentId: session.agentId, on: session.on, minutes: session.minutes,
                topics: (topics[id] ?? []).map(\.topic).sorted(), ticketIds: (tickets[id] ?? []).map(\.ticketId),
                notes: session.notes,
                actions: (actions[id] ?? []).sorted { $0.position < $1.position }.map { .init(description: $0.actionDescription, dueOn: $0.dueOn) },
                agentView: session.agentView, acknowledgedAt: session.acknowledgedAt, createdAt: session.createdAt)
        }
    }
}
