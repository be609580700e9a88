import Fluent
import FrontlineCore
import Vapor

/// Coaching sessions as coach, agent and managers keep them: logging, editing, acknowledging and
/// closing agreed actions. The API and the desk pages both go through here, so the role rules and
/// the checks on what was typed are the same on both.
///
/// Who may do what: a lead logs sessions with the members of the teams they lead, a manager or
/// admin with anyone; the coach or a manager edits a session; the agent acknowledges it and adds
/// their own view; coach or agent closes an agreed action. To anyone who may not see a session
/// (`PeopleAccess.canSeeCoaching`) it does not exist (404).
enum CoachingLog {
    /// An agreed action as typed: `id` names an existing action of the session when editing.
    struct ActionInput: Content {
        var id: UUID?
        var description: String?
        var dueOn: String?

        enum CodingKeys: String, CodingKey {
            case id, description
            case dueOn = "due_on"
        }
    }

    /// A new session.
    struct SessionInput: Content {
        var agentId: UUID?
        var on: String?
        var minutes: Int?
        var topics: [String]?
        var ticketIds: [UUID]?
        var notes: String?
        var actions: [ActionInput]?

        enum CodingKeys: String, CodingKey {
            case on, minutes, topics, notes, actions
            case agentId = "agent_id", ticketIds = "ticket_ids"
        }
    }

    /// Changes to a session; a nil field stays as it is. `actions` replaces the list: actions given
    /// with their `id` are kept (with their done state), new ones are added, missing ones removed.
    struct SessionChanges: Content {
        var on: String?
        var minutes: Int?
        var topics: [String]?
        var ticketIds: [UUID]?
        var notes: String?
        var actions: [ActionInput]?

        enum CodingKeys: String, CodingKey {
            case on, minutes, topics, notes, actions
            case ticketIds = "ticket_ids"
        }
    }

    static let maxMinutes = 480

    static func create(_ input: SessionInput, coach: User, on db: any Database, now: Date) async throws -> CoachingSession {
        guard coach.role >= .lead else { throw RequestError.forbidden("leads, managers and admins log the coaching they give") }
        guard let agentId = input.agentId else {
            throw RequestError(.unprocessableEntity, "missing_field", "agent_id is required", field: "agent_id")
        }
        let on = try Days.parse(input.on, field: "on")
        let minutes = try PeopleInput.minutes(input.minutes, max: maxMinutes)
        let topics = try checkedTopics(input.topics ?? [])
        let notes = try PeopleInput.optionalText(input.notes, field: "notes")
        let actions = try checkedActions(input.actions ?? [])
        let agent = try await PeopleAccess.user(agentId, on: db, field: "agent_id")
        guard agentId != coach.id else { throw PeopleError.invalid(field: "agent_id", reason: "a coaching session is with someone else") }
        guard try await PeopleAccess.leadsOrManages(try agent.requireID(), viewer: coach, on: db) else {
            throw RequestError.forbidden("a lead coaches the members of the teams they lead")
        }
        let ticketIds = Array(Set(input.ticketIds ?? []))
        try await TicketFigures.requireTickets(ticketIds, field: "ticket_ids", on: db)
        let session = CoachingSession(coachId: try coach.requireID(), agentId: agentId, on: on, minutes: minutes, notes: notes, at: now)
        try await session.create(on: db)
        let sessionId = try session.requireID()
        for topic in topics { try await CoachingTopic(sessionId: sessionId, topic: topic).create(on: db) }
        try await link(ticketIds, to: sessionId, on: db)
        for (position, action) in actions.enumerated() {
            try await CoachingAction(sessionId: sessionId, description: action.description, dueOn: action.dueOn, position: position).create(on: db)
        }
        return session
    }

    /// The coach or a manager changes what was logged; the agent adds their view instead.
    static func update(_ id: UUID, _ changes: SessionChanges, by viewer: User, on db: any Database, now: Date) async throws -> CoachingSession {
        let session = try await visibleSession(id, viewer: viewer, on: db)
        guard session.coachId == viewer.id || viewer.role.managesPeople else {
            throw PeopleError.notYours("the coach or a manager edits a session; the agent adds their own view when acknowledging")
        }
        if let on = changes.on { session.on = try Days.parse(on, field: "on") }
        if let minutes = changes.minutes { session.minutes = try PeopleInput.minutes(minutes, max: maxMinutes) }
        if let notes = changes.notes { session.notes = try PeopleInput.optionalText(notes, field: "notes") }
        try await session.save(on: db)
        if let topics = changes.topics {
            let checked = try checkedTopics(topics)
            try await CoachingTopic.query(on: db).filter(\.$sessionId == id).delete()
            for topic in checked { try await CoachingTopic(sessionId: id, topic: topic).create(on: db) }
        }
        if let ticketIds = changes.ticketIds {
            let wanted = Set(ticketIds)
            try await TicketFigures.requireTickets(Array(wanted), field: "ticket_ids", on: db)
            let existing = Set(try await CoachingTicket.query(on: db).filter(\.$sessionId == id).all().map(\.ticketId))
            let removed = Array(existing.subtracting(wanted))
            if !removed.isEmpty {
                try await CoachingTicket.query(on: db).filter(\.$sessionId == id).filter(\.$ticketId ~~ removed).delete()
            }
            try await link(Array(wanted.subtracting(existing)), to: id, on: db)
        }
        if let actions = changes.actions {
            try await replaceActions(of: id, with: checkedActions(actions), on: db)
        }
        return session
    }

    /// The coached agent confirms the session, and may add (or change) their own view of it.
    static func acknowledge(_ id: UUID, view rawView: String?, by viewer: User, on db: any Database, now: Date) async throws -> CoachingSession {
        let view = try PeopleInput.optionalText(rawView, field: "agent_view")
        let session = try await visibleSession(id, viewer: viewer, on: db)
        guard session.agentId == viewer.id else {
            throw PeopleError.notYours("only the coached agent acknowledges a session")
        }
        if session.acknowledgedAt == nil { session.acknowledgedAt = now }
        if let view { session.agentView = view }
        try await session.save(on: db)
        return session
    }

    /// Coach or agent marks an agreed action done. Marking it again changes nothing: the first
    /// person and time stand.
    static func markDone(_ id: UUID, action actionId: UUID, by viewer: User, on db: any Database, now: Date) async throws -> CoachingSession {
        let session = try await visibleSession(id, viewer: viewer, on: db)
        guard let action = try await CoachingAction.find(actionId, on: db), action.sessionId == id else {
            throw RequestError.notFound("agreed action")
        }
        guard viewer.id == session.coachId || viewer.id == session.agentId else {
            throw PeopleError.notYours("the coach or the agent closes an agreed action")
        }
        if action.doneAt == nil {
            action.doneAt = now
            action.doneBy = try viewer.requireID()
            try await action.save(on: db)
        }
        return session
    }

    /// The session, or a 404 for anyone who may not see it.
    static func visibleSession(_ id: UUID, viewer: User, on db: any Database) async throws -> CoachingSession {
        guard let session = try await CoachingSession.find(id, on: db),
              PeopleAccess.canSeeCoaching(coachId: session.coachId, agentId: session.agentId, viewer: viewer)
        else { throw RequestError.notFound("coaching session") }
        return session
    }

    /// The sessions the viewer may see, newest first, optionally of one agent or one coach.
    static func sessions(visibleTo viewer: User, agentId: UUID? = nil, coachId: UUID? = nil, on db: any Database) async throws -> [CoachingSession] {
        let query = CoachingSession.query(on: db).sort(\.$on, .descending).sort(\.$createdAt, .descending)
        if let agentId { query.filter(\.$agentId == agentId) }
        if let coachId { query.filter(\.$coachId == coachId) }
        if !viewer.role.managesPeople {
            let me = try viewer.requireID()
            query.group(.or) { $0.filter(\.$agentId == me).filter(\.$coachId == me) }
        }
        return try await query.all()
    }

    // MARK: checks and links

    private static func checkedTopics(_ topics: [String]) throws -> [String] {
        Array(Set(try topics.map { try PeopleInput.text($0, field: "topics", max: 100) })).sorted()
    }

    private struct CheckedAction {
        let id: UUID?
        let description: String
        let dueOn: String
    }

    private static func checkedActions(_ actions: [ActionInput]) throws -> [CheckedAction] {
        guard actions.count <= 20 else { throw PeopleError.invalid(field: "actions", reason: "a session has at most 20 agreed actions") }
        let ids = actions.compactMap(\.id)
        guard Set(ids).count == ids.count else { throw PeopleError.invalid(field: "actions.id", reason: "each agreed action is listed once") }
        return try actions.map { action in
            guard let due = action.dueOn, !due.isEmpty else {
                throw PeopleError.invalid(field: "actions.due_on", reason: "each agreed action needs a due date (yyyy-MM-dd)")
            }
            return CheckedAction(
                id: action.id, description: try PeopleInput.text(action.description, field: "actions.description", max: 500),
                dueOn: try Days.parse(due, field: "actions.due_on"))
        }
    }

    private static func replaceActions(of sessionId: UUID, with actions: [CheckedAction], on db: any Database) async throws {
        let existing = Dictionary(uniqueKeysWithValues: try await CoachingAction.query(on: db).filter(\.$sessionId == sessionId).all()
            .map { (try $0.requireID(), $0) })
        for id in actions.compactMap(\.id) where existing[id] == nil {
            throw PeopleError.invalid(field: "actions.id", reason: "an agreed action id must be one of this session's actions")
        }
        let kept = Set(actions.compactMap(\.id))
        for (id, action) in existing where !kept.contains(id) { try await action.delete(on: db) }
        for (position, input) in actions.enumerated() {
            let action = input.id.flatMap { existing[$0] } ?? CoachingAction(sessionId: sessionId, description: input.description, dueOn: input.dueOn, position: position)
            action.actionDescription = input.description
            action.dueOn = input.dueOn
            action.position = position
            try await action.save(on: db)
        }
    }

    /// Discussed tickets; a queued ticket discussed in a session leaves the coaching queue.
    private static func link(_ ticketIds: [UUID], to sessionId: UUID, on db: any Database) async throws {
        for ticketId in ticketIds {
            try await CoachingTicket(sessionId: sessionId, ticketId: ticketId).create(on: db)
            for item in try await CoachingQueueItem.query(on: db).filter(\.$ticketId == ticketId).filter(\.$sessionId == nil).all() {
                item.sessionId = sessionId
                try await item.save(on: db)
            }
        }
    }
}
