import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// The promises feature's due work: reminding owners before a promise is due, and breaking a
/// promise that lapsed. Each batch claims its rows with a conditional `UPDATE … RETURNING id`, so
/// with several app instances a row is done once (see `Scheduler`).
enum PromiseSchedule {
    static let reminders = DueWork(table: "promises", state: "pending", column: "remind_at", batch: remind)
    static let lapses = DueWork(table: "promises", state: "pending", column: "due_at", batch: breakLapsed)

    @Sendable private static func remind(now: Date, db: any Database, limit: Int) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE promises SET remind_at = NULL, reminded_at = \(bind: now)
            WHERE id IN (SELECT id FROM promises WHERE state = 'pending' AND remind_at <= \(bind: now)
                         ORDER BY remind_at LIMIT \(unsafeRaw: String(limit)))
              AND state = 'pending' AND remind_at IS NOT NULL
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return 0 }
        let promises = try await CustomerPromise.query(on: db).filter(\.$id ~~ ids).all()
        let tickets = try await Ticket.query(on: db).filter(\.$id ~~ Array(Set(promises.map(\.ticketId)))).all()
        let numbers = Dictionary(uniqueKeysWithValues: try tickets.map { (try $0.requireID(), $0.number) })
        let notifier = Notifier(db: db, now: now)
        for promise in promises {
            let number = numbers[promise.ticketId].map { "#\($0)" } ?? ""
            let minutes = max(0, Int(promise.dueAt.timeIntervalSince(now) / 60))
            try await notifier.notify(
                [promise.ownerId], kind: "promise_due_soon",
                message: "Promise on ticket \(number) due in \(minutes) min: \(promise.kind.rawValue) “\(promise.promiseDescription)”",
                ticketId: promise.ticketId, subjectId: promise.id)
        }
        return ids.count
    }

    @Sendable private static func breakLapsed(now: Date, db: any Database, limit: Int) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE promises SET state = 'broken', resolution = 'lapsed', resolved_at = \(bind: now), remind_at = NULL
            WHERE id IN (SELECT id FROM promises WHERE state = 'pending' AND due_at <= \(bind: now)
                         ORDER BY due_at LIMIT \(unsafeRaw: String(limit)))
              AND state = 'pending' AND due_at <= \(bind: now)
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return 0 }
        let desk = TicketDesk(on: db, actor: .system, at: now)
        for promise in try await CustomerPromise.query(on: db).filter(\.$id ~~ ids).sort(\.$dueAt).all() {
            let ticket = try await desk.ticketForChange(promise.ticketId)
            try await PromiseBook(desk: desk).recordBroken(promise, on: ticket)
        }
        return ids.count
    }
}
