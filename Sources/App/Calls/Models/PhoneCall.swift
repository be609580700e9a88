import Fluent
import Foundation

/// A phone call as derived from its events, attached to the customer's ticket.
final class PhoneCall: Model, @unchecked Sendable {
    static let schema = "calls"

    @ID(key: .id) var id: UUID?
    @Field(key: "external_id") var externalId: String
    @OptionalField(key: "ticket_id") var ticketId: UUID?
    @OptionalField(key: "customer_id") var customerId: UUID?
    @OptionalField(key: "customer_phone") var customerPhone: String?
    /// The agent who took or made the call.
    @OptionalField(key: "agent_id") var agentId: UUID?
    @OptionalField(key: "direction") var direction: String?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "talk_seconds") var talkSeconds: Int?
    @OptionalField(key: "callback_promise_id") var callbackPromiseId: UUID?
    /// Side effects already done, so that re-deriving the call never repeats them.
    @Field(key: "outbound_applied") var outboundApplied: Bool
    @Field(key: "end_applied") var endApplied: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $externalId, $ticketId, $customerId, $customerPhone, $agentId, $direction, $startedAt, $endedAt, $outcome, $talkSeconds,
            $callbackPromiseId, $outboundApplied, $endApplied, $createdAt, $updatedAt
        ]
    }
}

/// One hold on a call: the wait the customer was told and the wait they endured.
final class CallHold: Model, @unchecked Sendable {
    static let schema = "call_holds"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callId: UUID
    /// The id of the hold-start event.
    @Field(key: "hold_ref") var holdRef: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "told_wait_seconds") var toldWaitSeconds: Int?
    @OptionalField(key: "endured_seconds") var enduredSeconds: Int?
    @Field(key: "reported_without_wait") var reportedWithoutWait: Bool
    @Field(key: "reported_overran") var reportedOverran: Bool

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $callId, $holdRef, $startedAt, $endedAt, $toldWaitSeconds, $enduredSeconds, $reportedWithoutWait, $reportedOverran
        ]
    }
}

/// A live transfer on a call: a hand-off whose context note the agent may add afterwards.
final class CallTransfer: Model, @unchecked Sendable {
    static let schema = "call_transfers"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callId: UUID
    /// The id of the transfer event.
    @Field(key: "transfer_ref") var transferRef: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "to_user_id") var toUserId: UUID?
    @OptionalField(key: "to_team_id") var toTeamId: UUID?
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "noted_at") var notedAt: Date?

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $callId, $transferRef, $at, $toUserId, $toTeamId, $note, $notedAt] }
}
