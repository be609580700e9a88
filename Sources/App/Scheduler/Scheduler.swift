import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// Finds due work in the database and does it: reminds promise owners, breaks lapsed promises,
/// breaches unanswered escalations, warns and breaches SLA clocks.
///
/// Safe with several app instances on one database: every job is claimed by a conditional
/// `UPDATE … WHERE <still due> … RETURNING id` inside the transaction that does the work, so a row
/// another instance already claimed no longer matches (PostgreSQL re-checks the condition after
/// waiting for the other's row lock) and each job runs exactly once. Each scan is an index range
/// scan on `(state, due time)`, in batches, so a tick costs the work that is due, not the backlog.
struct Scheduler: Sendable {
    let app: Application
    /// Rows claimed per transaction.
    static let batchSize = 200

    /// What one tick did, for logs and tests.
    struct Report: Sendable, Equatable {
        var reminded = 0
        var brokenPromises = 0
        var breachedEscalations = 0
        var slaWarnings = 0
        var slaBreaches = 0
    }

    @discardableResult
    func tick(now: Date) async throws -> Report {
        var report = Report()
        report.reminded = try await drain(ifAny: ("promises", "pending", "remind_at"), now: now) {
            try await remindPromises(now: now, db: $0)
        }
        report.brokenPromises = try await drain(ifAny: ("promises", "pending", "due_at"), now: now) {
            try await breakLapsedPromises(now: now, db: $0)
        }
        report.breachedEscalations = try await drain(ifAny: ("escalations", "open", "due_at"), now: now) {
            try await breachEscalations(now: now, db: $0)
        }
        report.slaWarnings = try await drain(ifAny: ("sla_clocks", "running", "warn_at"), now: now) {
            try await SLAClocks.warnDue(now: now, db: $0, limit: Self.batchSize)
        }
        report.slaBreaches = try await drain(ifAny: ("sla_clocks", "running", "due_at"), now: now) {
            try await SLAClocks.breachDue(now: now, db: $0, limit: Self.batchSize)
        }
        return report
    }

    /// Runs batches until one comes back short of a full batch. A read first probes the index for
    /// any due row, so an idle tick opens no write transaction at all.
    private func drain(
        ifAny due: (table: String, state: String, column: String), now: Date,
        _ batch: @escaping @Sendable (any Database) async throws -> Int
    ) async throws -> Int {
        let probe = try await app.db.sql.raw(
            "SELECT 1 AS due FROM \(unsafeRaw: due.table) WHERE state = \(bind: due.state) AND \(unsafeRaw: due.column) <= \(bind: now) LIMIT 1"
        ).first()
        guard probe != nil else { return 0 }
        var total = 0
        while true {
            let done = try await app.write(batch)
            total += done
            if done < Self.batchSize { return total }
        }
    }

    private func remindPromises(now: Date, db: any Database) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE promises SET remind_at = NULL, reminded_at = \(bind: now)
            WHERE id IN (SELECT id FROM promises WHERE state = 'pending' AND remind_at <= \(bind: now)
                         ORDER BY remind_at LIMIT \(unsafeRaw: String(Self.batchSize)))
              AND state = 'pending' AND remind_at IS NOT NULL
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return 0 }
        let promises = try await CustomerPromise.query(on: db).filter(\.$id ~~ ids).all()
        let tickets = try await ticketsById(promises.map(\.ticketId), db: db)
        let notifier = Notifier(db: db, now: now)
        for promise in promises {
            let number = tickets[promise.ticketId].map { "#\($0.number)" } ?? ""
            let minutes = max(0, Int(promise.dueAt.timeIntervalSince(now) / 60))
            try await notifier.notify(
                [promise.ownerId], kind: "promise_due_soon",
                message: "Promise on ticket \(number) due in \(minutes) min: \(promise.kind.rawValue) “\(promise.promiseDescription)”",
                ticketId: promise.ticketId, subjectId: promise.id)
        }
        return ids.count
    }

    private func breakLapsedPromises(now: Date, db: any Database) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE promises SET state = 'broken', resolution = 'lapsed', resolved_at = \(bind: now), remind_at = NULL
            WHERE id IN (SELECT id FROM promises WHERE state = 'pending' AND due_at <= \(bind: now)
                         ORDER BY due_at LIMIT \(unsafeRaw: String(Self.batchSize)))
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

    private func breachEscalations(now: Date, db: any Database) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE escalations SET state = 'breached', breached_at = \(bind: now)
            WHERE id IN (SELECT id FROM escalations WHERE state = 'open' AND due_at <= \(bind: now)
                         ORDER BY due_at LIMIT \(unsafeRaw: String(Self.batchSize)))
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

    private func ticketsById(_ ids: [UUID], db: any Database) async throws -> [UUID: Ticket] {
        let tickets = try await Ticket.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: try tickets.map { (try $0.requireID(), $0) })
    }
}
