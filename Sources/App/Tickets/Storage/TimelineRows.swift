import Fluent
import Foundation
import SQLKit

/// The `ticket_events` table on the write paths: any number of new events in one bound INSERT,
/// in order (their ids grow in the order given, which is the timeline's order).
struct TimelineRows {
    let sql: any SQLDatabase

    func insert(_ events: [TicketEvent]) async throws {
        guard !events.isEmpty else { return }
        let insert = sql.insert(into: TicketEvent.schema).columns("ticket_id", "kind", "actor_type", "actor_id", "actor_name", "at", "data")
        for event in events {
            insert.values([
                SQLBind(event.ticketId), SQLBind(event.kind), SQLBind(event.actorType), SQLValues.bind(event.actorId),
                SQLBind(event.actorName), SQLBind(event.at), SQLBind(event.data),
            ] as [any SQLExpression])
        }
        try await insert.run()
    }
}
