@testable import App
import Fluent
import Foundation
import SQLKit
import Testing

/// The scheduler's cost is the work that is due, not the backlog: with 100,000 pending promises
/// and 100,000 running SLA clocks a tick is a handful of index range scans.
@Suite("Scheduler at scale")
struct SchedulerScaleTests {
    @Test func aTickOverALargeBacklogOnlyTouchesWhatIsDue() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            let userId = try agent.user.requireID()
            let now = Date()
            let sql = try desk.app.db.sql
            let backlog = 100_000
            // Bulk rows straight into the tables: 100,000 promises due tomorrow onwards, 100,000 clocks likewise,
            // and 5 of each due now.
            try await desk.app.write { db in
                let sql = try db.sql
                for batch in stride(from: 0, to: backlog, by: 5_000) {
                    var promises = sql.insert(into: "promises").columns(
                        "id", "ticket_id", "kind", "description", "due_at", "remind_at", "owner_id", "state", "made_by_name", "created_at")
                    var clocks = sql.insert(into: "sla_clocks").columns(
                        "id", "ticket_id", "target", "policy_name", "target_minutes", "warning_minutes", "started_at", "pauses", "due_at", "warn_at", "state")
                    for index in batch..<(batch + 5_000) {
                        let due = index < 5 ? now.addingTimeInterval(-1) : now.addingTimeInterval(86_400 + Double(index))
                        promises = promises.values(
                            SQLBind(UUID()), SQLBind(ticket.id), SQLBind("other"), SQLBind("bulk"), SQLBind(due),
                            SQLBind(due.addingTimeInterval(-900)), SQLBind(userId), SQLBind("pending"), SQLBind("bench"), SQLBind(now))
                        clocks = clocks.values(
                            SQLBind(UUID()), SQLBind(ticket.id), SQLBind("resolution"), SQLBind("Bulk"), SQLBind(60), SQLBind(0),
                            SQLBind(now), SQLBind("[]"), SQLBind(due), SQLBind(Optional<Date>.none), SQLBind("running"))
                    }
                    try await promises.run()
                    try await clocks.run()
                }
            }
            // Only the 5 due of each are done.
            let first = try await desk.scheduler.tick(now: now)
            #expect(first.brokenPromises == 5 && first.slaBreaches == 5)

            // An idle tick over the backlog: fast, because it only walks the index ranges that are due.
            var best = Double.infinity
            for _ in 0..<5 {
                let start = ContinuousClock.now
                let report = try await desk.scheduler.tick(now: now)
                let elapsed = ContinuousClock.now - start
                #expect(report == Scheduler.Report())
                best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            // A figure for BENCHMARKS.md, not an assertion: tests never fail on a time.
            print("scheduler: idle tick over \(backlog) promises and \(backlog) clocks took \(best) ms")

            // And the plans say so (SQLite): every scan is a search on the (state, time) indexes.
            if case .sqlite = desk.app.frontlineConfig.database {
                for (table, column) in [("promises", "due_at"), ("promises", "remind_at"), ("sla_clocks", "due_at"), ("sla_clocks", "warn_at"), ("escalations", "due_at")] {
                    let rows = try await sql.raw("EXPLAIN QUERY PLAN SELECT id FROM \(unsafeRaw: table) WHERE state = 'pending' AND \(unsafeRaw: column) <= \(bind: now) ORDER BY \(unsafeRaw: column) LIMIT 200").all()
                    let plan = try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: " | ")
                    #expect(plan.contains("SEARCH") && plan.contains("USING INDEX"), "\(table).\(column): \(plan)")
                }
            }
        }
    }

    @Test func twoSchedulersTickingAtOnceDoEachJobOnce() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: agent.token, json: ["owner_id": try agent.user.requireID()])
            let due = Date().addingTimeInterval(120)
            for _ in 0..<10 {
                _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: agent.token, json: [
                    "kind": "update", "description": "Status by noon", "due_at": .string(due.ISO8601Format()),
                ] as [String: JSON])
            }
            async let one = desk.scheduler.tick(now: due.addingTimeInterval(1))
            async let two = desk.scheduler.tick(now: due.addingTimeInterval(1))
            let reports = try await [one, two]
            #expect(reports.map(\.brokenPromises).reduce(0, +) == 10)
            let broken = try await desk.events(of: ticket.id, token: agent.token).filter { $0.kind == "promise_broken" }
            #expect(broken.count == 10)
        }
    }
}
