import FrontlineCore
import Foundation

// The payloads of the escalation events, written by `EscalationDesk`.

extension TimelineEvent {
    /// `escalated`: the escalation's clock started.
    struct Escalated: Codable, Sendable, Equatable {
        var escalationId: UUID
        var reason: String
        @NullWhenAbsent var toUserId: UUID?
        @NullWhenAbsent var toTeamId: UUID?
        /// The customer's channel, which the answer stays on.
        var channel: TicketChannel
        var dueAt: Date

        enum CodingKeys: String, CodingKey {
            case reason, channel
            case escalationId = "escalation_id", toUserId = "to_user_id", toTeamId = "to_team_id", dueAt = "due_at"
        }
    }

    /// `escalation_answered`.
    struct EscalationAnswered: Codable, Sendable, Equatable {
        var escalationId: UUID
        /// What answered it: `public_reply`, `outbound_call` or `callback_promise`.
        var by: String
        /// After its target: the breach stays.
        var late: Bool

        enum CodingKeys: String, CodingKey {
            case by, late
            case escalationId = "escalation_id"
        }
    }

    /// `escalation_breached`: unanswered past its target.
    struct EscalationBreached: Codable, Sendable, Equatable {
        var escalationId: UUID
        var dueAt: Date
        var channel: TicketChannel

        enum CodingKeys: String, CodingKey {
            case channel
            case escalationId = "escalation_id", dueAt = "due_at"
        }
    }
}
