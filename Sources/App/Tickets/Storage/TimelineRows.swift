import Fluent
import Foundation
import SQLKit
import Vapor

/// The `ticket_events` table on the write paths: any number of new events in one bound INSERT,
/// in order (their ids grow in the order given, which is the timeline's order).
struct TimelineRows {
    let sql: any SQLDatabase

    /// Appends one event and gives the model its database-generated id.
    func insert(_ event: TicketEvent) async throws {
        let row = try await sql.insert(into: TicketEvent.schema)
            .columns("ticket_id", "kind", "actor_type", "actor_id", "actor_name", "at", "data")
            .values(Self.values(event))
            .returning("id")
            .first()
        guard let row else { throw Abort(.internalServerError, reason: "the new event's id did not come back") }
        event.id = try row.decode(column: "id", as: Int.self)
        event.$id.exists = true
    }

    func insert(_ events: [TicketEvent]) async throws {
        guard !events.isEmpty else { return }
        let insert = sql.insert(into: TicketEvent.schema).columns("ticket_id", "kind", "actor_type", "actor_id", "actor_name", "at", "data")
        for event in events { insert.values(Self.values(event)) }
        try await insert.run()
    }

    private static func values(_ event: TicketEvent) -> [any SQLExpression] {
        [
            SQLBind(event.ticketId), SQLBind(event.kind), SQLBind(event.actorType), SQLValues.bind(event.actorId),
            SQLBind(event.actorName), SQLBind(event.at), SQLBind(event.data),
        ]
    }
}
