import Fluent
import FrontlineCore
import Foundation

/// A ticket raised to a more senior person or team, with its own clock. It is answered on the
/// customer's own channel: on a phone ticket only by a call (or a promise to call back), on a
/// written channel by a public staff reply.
final class Escalation: Model, @unchecked Sendable {
    static let schema = "escalations"

    /// `open` until answered; `breached` when its target passed unanswered (it stays breached
    /// even when answered late); `answered` when answered in time.
    enum State: String, Codable, CaseIterable, Sendable {
        case open, answered, breached
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @OptionalField(key: "to_user_id") var toUserId: UUID?
    @OptionalField(key: "to_team_id") var toTeamId: UUID?
    /// Who must answer: the person escalated to, else the ticket's owner at the time.
    @OptionalField(key: "owner_id") var ownerId: UUID?
    @Field(key: "reason") var reason: String
    /// The customer's channel when escalated: how the answer must reach them.
    @Enum(key: "channel") var channel: TicketChannel
    @Field(key: "target_minutes") var targetMinutes: Int
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "due_at") var dueAt: Date
    @Enum(key: "state") var state: State
    @OptionalField(key: "answered_at") var answeredAt: Date?
    /// `outbound_call`, `callback_promise` or `public_reply`.
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "breached_at") var breachedAt: Date?
    @Field(key: "escalated_by_name") var escalatedByName: String

    init() {}

    init(
        ticketId: UUID, toUserId: UUID?, toTeamId: UUID?, ownerId: UUID?, reason: String, channel: TicketChannel,
        targetMinutes: Int, startedAt: Date, escalatedBy: Actor
    ) {
        self.ticketId = ticketId
        self.toUserId = toUserId
        self.toTeamId = toTeamId
        self.ownerId = ownerId
        self.reason = reason
        self.channel = channel
        self.targetMinutes = targetMinutes
        self.startedAt = startedAt
        self.dueAt = startedAt.addingTimeInterval(Double(targetMinutes) * 60)
        self.state = .open
        self.escalatedByName = escalatedBy.name
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $toUserId, $toTeamId, $ownerId, $reason, $channel, $targetMinutes, $startedAt, $dueAt, $state, $answeredAt,
            $answeredBy, $breachedAt, $escalatedByName
        ]
    }
}
