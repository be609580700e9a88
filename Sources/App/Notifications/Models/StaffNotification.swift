import Fluent
import Foundation

/// An in-app notice for one staff member: a promise about to lapse, a broken promise on their
/// team, an escalation past its target. Listed by `GET /notifications` until read.
final class StaffNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    /// What happened, snake_case: `promise_due_soon`, `promise_broken`, `escalation_breached`, ...
    @Field(key: "kind") var kind: String
    @Field(key: "message") var message: String
    @OptionalField(key: "ticket_id") var ticketId: UUID?
    /// The promise, escalation or SLA clock the notice is about.
    @OptionalField(key: "subject_id") var subjectId: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(userId: UUID, kind: String, message: String, ticketId: UUID?, subjectId: UUID?, at: Date) {
        self.userId = userId
        self.kind = kind
        self.message = message
        self.ticketId = ticketId
        self.subjectId = subjectId
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userId, $kind, $message, $ticketId, $subjectId, $createdAt, $readAt] }
}
