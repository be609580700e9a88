import Fluent

/// The SLA feature's due work: a warning before a target is missed, and the breach when it is
/// (`SLAClocks.warnDue` / `breachDue`).
enum SLASchedule {
    static let warnings = DueWork(table: "sla_clocks", state: "running", column: "warn_at") { now, db, limit in
        try await SLAClocks.warnDue(now: now, db: db, limit: limit)
    }
    static let breaches = DueWork(table: "sla_clocks", state: "running", column: "due_at") { now, db, limit in
        try await SLAClocks.breachDue(now: now, db: db, limit: limit)
    }
}
