import Fluent
import Foundation

/// One event a phone system reported, stored as received and unique by its id: a call is derived
/// from the set of its events, so a duplicate is a no-op and arrival order does not matter.
final class CallEventRecord: Model, @unchecked Sendable {
    static let schema = "call_events"

    @ID(key: .id) var id: UUID?
    /// The phone system's id of the event.
    @Field(key: "event_id") var eventId: String
    /// The phone system's id of the call.
    @Field(key: "call_ref") var callRef: String
    @Field(key: "type") var type: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "direction") var direction: String?
    @OptionalField(key: "customer_phone") var customerPhone: String?
    @OptionalField(key: "agent_email") var agentEmail: String?
    @OptionalField(key: "told_wait_seconds") var toldWaitSeconds: Int?
    @OptionalField(key: "to_user_email") var toUserEmail: String?
    @OptionalField(key: "to_team_id") var toTeamId: UUID?
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "received_at") var receivedAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $eventId, $callRef, $type, $at, $direction, $customerPhone, $agentEmail, $toldWaitSeconds, $toUserEmail, $toTeamId,
            $outcome, $receivedAt
        ]
    }
}
