import Fluent
import Foundation

/// One entry of a ticket's timeline. Append-only: events are never updated or deleted, so nothing
/// that happened to a ticket is lost or rewritten.
final class TicketEvent: Model, @unchecked Sendable {
    static let schema = "ticket_events"

    /// Database-generated: the order of ids is the order of the timeline.
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "ticket_id") var ticketId: UUID
    /// An `EventKind` raw value, or a kind added by a later version.
    @Field(key: "kind") var kind: String
    @Field(key: "actor_type") var actorType: String
    @OptionalField(key: "actor_id") var actorId: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "at") var at: Date
    /// A JSON object, the kind's payload (see `TimelineEvent`): what changed, from what, to what.
    @Field(key: "data") var data: String

    init() {}

    init(ticketId: UUID, kind: String, actor: Actor, at: Date, data: String) {
        self.ticketId = ticketId
        self.kind = kind
        self.actorType = actor.kind.rawValue
        self.actorId = actor.id
        self.actorName = actor.name
        self.at = at
        self.data = data
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $kind, $actorType, $actorId, $actorName, $at, $data] }
}

extension TicketEvent {
    /// A new row holding `event`.
    convenience init(ticketId: UUID, event: TimelineEvent, actor: Actor, at: Date) throws {
        self.init(ticketId: ticketId, kind: event.kind.rawValue, actor: actor, at: at, data: try event.storedData())
    }

    /// The typed event, or nil for a row this version cannot read (a kind it does not know, or
    /// data that is not that kind's payload): such a row shows as a generic timeline entry.
    var timelineEvent: TimelineEvent? { TimelineEvent(kind: kind, data: data) }
}
