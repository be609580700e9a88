import Fluent
import SQLKit
import Vapor

/// The escalations feature's due work: an escalation not answered by its due time is breached.
enum EscalationSchedule {
    static let breaches = DueWork(table: "escalations", state: "open", column: "due_at", batch: breach)

    @Sendable private static func breach(now: Date, db: any Database, limit: Int) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE escalations SET state = 'breached', breached_at = \(bind: now)
            WHERE id IN (SELECT id FROM escalations WHERE state = 'open' AND due_at <= \(bind: now)
                         ORDER BY due_at LIMIT \(unsafeRaw: String(limit)))
              AND state = 'open' AND due_at <= \(bind: now)
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return 0 }
        let desk = TicketDesk(on: db, actor: .system, at: now)
        for escalation in try await Escalation.query(on: db).filter(\.$id ~~ ids).sort(\.$dueAt).all() {
            let ticket = try await desk.ticketForChange(escalation.ticketId)
            try await EscalationDesk(desk: desk).recordBreach(escalation, on: ticket)
        }
        return ids.count
    }
}
