import Fluent
import SQLKit
import Vapor

/// Finds due work in the database and has each feature do it: reminds promise owners, breaks lapsed
/// promises (`PromiseSchedule`), breaches unanswered escalations (`EscalationSchedule`), warns and
/// breaches SLA clocks (`SLASchedule`). It holds no feature's rules, only the loop.
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
        report.reminded = try await drain(PromiseSchedule.reminders, now: now)
        report.brokenPromises = try await drain(PromiseSchedule.lapses, now: now)
        report.breachedEscalations = try await drain(EscalationSchedule.breaches, now: now)
        report.slaWarnings = try await drain(SLASchedule.warnings, now: now)
        report.slaBreaches = try await drain(SLASchedule.breaches, now: now)
        return report
    }

    /// Runs batches until one comes back short of a full batch. A read first probes the index for
    /// any due row, so an idle tick opens no write transaction at all.
    private func drain(_ work: DueWork, now: Date) async throws -> Int {
        let probe = try await app.db.sql.raw(
            "SELECT 1 AS due FROM \(unsafeRaw: work.table) WHERE state = \(bind: work.state) AND \(unsafeRaw: work.column) <= \(bind: now) LIMIT 1"
        ).first()
        guard probe != nil else { return 0 }
        var total = 0
        while true {
            let done = try await app.write { db in try await work.batch(now, db, Self.batchSize) }
            total += done
            if done < Self.batchSize { return total }
        }
    }
}
