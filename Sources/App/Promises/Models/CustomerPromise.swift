import Fluent
import FrontlineCore
import Foundation

/// A commitment made to the customer on a ticket, with an owner and a due time. It is kept,
/// broken or cancelled with a reason; a broken promise stays broken and keeps counting.
final class CustomerPromise: Model, @unchecked Sendable {
    static let schema = "promises"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Enum(key: "kind") var kind: PromiseKind
    @Field(key: "description") var promiseDescription: String
    @Field(key: "due_at") var dueAt: Date
    /// When to remind the owner; cleared once reminded, so the scheduler's index only holds work to do.
    @OptionalField(key: "remind_at") var remindAt: Date?
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Field(key: "owner_id") var ownerId: UUID
    @Enum(key: "state") var state: PromiseState
    /// How it became final: an action (`outbound_call`, `public_reply`, `marked_by_owner`), `lapsed`, or `cancelled`.
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    /// The dropped call this callback promise came from.
    @OptionalField(key: "call_id") var callId: UUID?
    @Field(key: "made_by_name") var madeByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(
        ticketId: UUID, kind: PromiseKind, description: String, dueAt: Date, remindAt: Date?, ownerId: UUID,
        madeBy: Actor, callId: UUID?, at: Date
    ) {
        self.ticketId = ticketId
        self.kind = kind
        self.promiseDescription = description
        self.dueAt = dueAt
        self.remindAt = remindAt
        self.ownerId = ownerId
        self.state = .pending
        self.callId = callId
        self.madeByName = madeBy.name
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $kind, $promiseDescription, $dueAt, $remindAt, $remindedAt, $ownerId, $state, $resolution, $cancelReason,
            $resolvedAt, $callId, $madeByName, $createdAt
        ]
    }
}
