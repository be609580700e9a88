import Fluent
import Foundation

/// A coaching session: a coach develops an agent, on a day, for some minutes. The notes are
/// private to the coach, the agent and their managers.
final class CoachingSession: Model, @unchecked Sendable {
    static let schema = "coaching_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "coach_id") var coachId: UUID
    @Field(key: "agent_id") var agentId: UUID
    @Field(key: "on") var on: String
    @Field(key: "minutes") var minutes: Int
    @OptionalField(key: "notes") var notes: String?
    /// The agent's own view of the session, added when they acknowledge it.
    @OptionalField(key: "agent_view") var agentView: String?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(coachId: UUID, agentId: UUID, on: String, minutes: Int, notes: String?, at: Date) {
        self.coachId = coachId
        self.agentId = agentId
        self.on = on
        self.minutes = minutes
        self.notes = notes
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $coachId, $agentId, $on, $minutes, $notes, $agentView, $acknowledgedAt, $createdAt] }
}

/// A topic of a session ("de-escalation", "refund policy").
final class CoachingTopic: Model, @unchecked Sendable {
    static let schema = "coaching_session_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionId: UUID
    @Field(key: "topic") var topic: String

    init() {}

    init(sessionId: UUID, topic: String) {
        self.sessionId = sessionId
        self.topic = topic
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $sessionId, $topic] }
}

/// A ticket discussed in a session.
final class CoachingTicket: Model, @unchecked Sendable {
    static let schema = "coaching_session_tickets"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionId: UUID
    @Field(key: "ticket_id") var ticketId: UUID

    init() {}

    init(sessionId: UUID, ticketId: UUID) {
        self.sessionId = sessionId
        self.ticketId = ticketId
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $sessionId, $ticketId] }
}

/// Something coach and agent agreed on, with the day it is due.
final class CoachingAction: Model, @unchecked Sendable {
    static let schema = "coaching_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionId: UUID
    @Field(key: "description") var actionDescription: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "position") var position: Int
    /// When the coach or the agent marked it done; nil while open.
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_by") var doneBy: UUID?

    init() {}

    /// Open, and its due day has passed.
    func isOverdue(today: String) -> Bool {
        guard doneAt == nil, let dueOn else { return false }
        return dueOn < today
    }

    init(sessionId: UUID, description: String, dueOn: String?, position: Int) {
        self.sessionId = sessionId
        self.actionDescription = description
        self.dueOn = dueOn
        self.position = position
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $sessionId, $actionDescription, $dueOn, $position, $doneAt, $doneBy] }
}

/// A ticket someone found worth discussing in coaching, waiting for a session.
final class CoachingQueueItem: Model, @unchecked Sendable {
    static let schema = "coaching_queue"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    /// Whose work it is about: the ticket's owner when it was queued, if any.
    @OptionalField(key: "agent_id") var agentId: UUID?
    @Field(key: "raised_by") var raisedBy: UUID
    @Field(key: "reason") var reason: String
    /// The session that discussed it; nil while it waits.
    @OptionalField(key: "session_id") var sessionId: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(ticketId: UUID, agentId: UUID?, raisedBy: UUID, reason: String, at: Date) {
        self.ticketId = ticketId
        self.agentId = agentId
        self.raisedBy = raisedBy
        self.reason = reason
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $agentId, $raisedBy, $reason, $sessionId, $createdAt] }
}

/// A person's answers to the team-role questionnaire and the scored result.
final class RoleProfile: Model, @unchecked Sendable {
    static let schema = "role_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "questionnaire_version") var questionnaireVersion: Int
    /// JSON object: question id → choice id.
    @Field(key: "answers") var answers: String
    @Field(key: "primary_role") var primaryRole: String
    @OptionalField(key: "secondary_role") var secondaryRole: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userId, $questionnaireVersion, $answers, $primaryRole, $secondaryRole, $updatedAt] }
}
