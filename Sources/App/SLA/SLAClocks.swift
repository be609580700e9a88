import Fluent
import FrontlineCore
import SQLKit
import Foundation

/// Starts, pauses, resumes and stops a ticket's SLA clocks as its events happen, and lets the
/// scheduler warn and breach them.
struct SLAClocks {
    let desk: TicketDesk
    var db: any Database { desk.db }
    var now: Date { desk.now }

    func observe(_ event: TimelineEvent, on ticket: Ticket) async throws {
        switch event {
        case .created(let created):
            let opening = try await openingClocks(ticket, tags: Set(created.tags))
            try await SLARows(sql: db.sql).insert(opening.clocks)
        case .messageAdded(let message) where message.visibility == .public:
            if message.authorType == .user {
                try await stop(ticket, targets: [.firstResponse, .nextResponse])
            } else if message.authorType == .customer, ticket.firstResponseAt != nil {
                try await startNextResponse(ticket)
            }
        case .statusChanged(let change):
            if change.after == .pending { try await pause(ticket) }
            if change.before == .pending { try await resume(ticket) }
            if change.after == .solved { try await stop(ticket, targets: [.resolution]) }
        case .priorityChanged(let change):
            try await rechoose(ticket, facts: facts(of: ticket, priority: change.after.rawValue, tags: try await currentTags(ticket)))
        case .tagged(let change):
            try await rechoose(ticket, facts: facts(of: ticket, priority: ticket.priority.rawValue, tags: Set(change.after)))
        default:
            break
        }
    }

    /// The clocks a new ticket starts with under the most specific policy (none when no policy
    /// applies), scheduled but not stored, and the calendar they run on.
    func openingClocks(_ ticket: Ticket, tags: Set<String>) async throws -> (clocks: [SLAClockRecord], calendar: (id: UUID, calendar: BusinessCalendar)?) {
        let facts = facts(of: ticket, priority: ticket.priority.rawValue, tags: tags)
        guard let policy = try await Self.policy(for: facts, on: db) else { return ([], nil) }
        let calendar = try await Self.calendar(policy.calendarId, on: db)
        let ticketId = try ticket.requireID()
        var clocks: [SLAClockRecord] = []
        for (target, minutes) in [(SLATarget.firstResponse, policy.firstResponseMinutes), (.resolution, policy.resolutionMinutes)] {
            guard let minutes else { continue }
            let clock = SLAClockRecord(ticketId: ticketId, target: target, policy: policy, minutes: minutes, at: now)
            clock.schedule(calendar: calendar, now: now)
            clocks.append(clock)
        }
        return (clocks, policy.calendarId.map { ($0, calendar) })
    }

    private func facts(of ticket: Ticket, priority: String, tags: Set<String>) -> TicketFacts {
        TicketFacts(priority: priority, organizationID: ticket.organizationId?.uuidString, tags: tags)
    }

    private func currentTags(_ ticket: Ticket) async throws -> Set<String> {
        Set(try await TicketTag.query(on: db).filter(\.$ticketId == (try ticket.requireID())).all().map(\.tag))
    }

    /// A priority or tag change can make another policy the most specific one. Its targets then
    /// apply as if it had been chosen at creation (as Zendesk re-applies SLA policies): open clocks
    /// keep their start and pauses and take the new targets and calendar; a target the new policy
    /// lacks stops being measured; a target it adds starts from the ticket's creation. A breach
    /// already recorded stays, whatever the new policy says.
    private func rechoose(_ ticket: Ticket, facts: TicketFacts) async throws {
        guard ticket.status != .closed else { return }
        let ticketId = try ticket.requireID()
        let clocks = try await SLAClockRecord.query(on: db).filter(\.$ticketId == ticketId).all()
        let current = clocks.max { $0.startedAt < $1.startedAt }
        let before = current?.policyName
        let chosen = try await Self.policy(for: facts, on: db)
        guard chosen?.id != current?.policyId else { return }
        let calendar = try await Self.calendar(chosen?.calendarId, on: db)

        for clock in clocks where clock.stoppedAt == nil && clock.state != .breached {
            guard let chosen, let minutes = chosen.minutes(for: clock.target) else {
                try await clock.delete(on: db)
                continue
            }
            clock.adopt(chosen, minutes: minutes)
            if clock.state == .running { clock.schedule(calendar: calendar, now: now) }
            try await clock.save(on: db)
        }
        if let chosen {
            let measured = Set(clocks.map(\.target))
            var added: [SLATarget] = []
            if ticket.firstResponseAt == nil { added.append(.firstResponse) }
            if ticket.status != .solved { added.append(.resolution) }
            for target in added where !measured.contains(target) {
                guard let minutes = chosen.minutes(for: target) else { continue }
                let clock = SLAClockRecord(ticketId: ticketId, target: target, policy: chosen, minutes: minutes, at: ticket.createdAt)
                if ticket.status == .pending {
                    clock.pauseList = [SLAPause(start: now)]
                    clock.state = .paused
                } else {
                    clock.schedule(calendar: calendar, now: now)
                }
                try await clock.create(on: db)
            }
        }
        try await desk.record(.slaPolicyChanged(.init(before: before, after: chosen?.name)), on: ticket)
    }

    private func startNextResponse(_ ticket: Ticket) async throws {
        let ticketId = try ticket.requireID()
        let open = try await SLAClockRecord.query(on: db).filter(\.$ticketId == ticketId)
            .filter(\.$target == .nextResponse).filter(\.$stoppedAt == nil).count()
        guard open == 0 else { return }
        // The next-response clock follows the policy the ticket started under.
        guard let first = try await SLAClockRecord.query(on: db).filter(\.$ticketId == ticketId).first(),
            let policyId = first.policyId, let policy = try await SLAPolicyRecord.find(policyId, on: db),
            let minutes = policy.nextResponseMinutes
        else { return }
        let clock = SLAClockRecord(ticketId: ticketId, target: .nextResponse, policy: policy, minutes: minutes, at: now)
        clock.schedule(calendar: try await Self.calendar(policy.calendarId, on: db), now: now)
        try await clock.create(on: db)
    }

    private func openClocks(_ ticket: Ticket) async throws -> [SLAClockRecord] {
        try await SLAClockRecord.query(on: db).filter(\.$ticketId == (try ticket.requireID())).filter(\.$stoppedAt == nil).all()
    }

    private func stop(_ ticket: Ticket, targets: Set<SLATarget>) async throws {
        for clock in try await openClocks(ticket) where targets.contains(clock.target) {
            clock.stoppedAt = now
            let state = clock.clock(calendar: try await Self.calendar(clock.calendarId, on: db)).state(at: now)
            clock.state = state == .met && clock.state != .breached ? .met : .breached
            clock.warnAt = nil
            try await clock.save(on: db)
        }
    }

    private func pause(_ ticket: Ticket) async throws {
        for clock in try await openClocks(ticket) {
            clock.pauseList = clock.pauseList + [SLAPause(start: now)]
            clock.dueAt = nil
            clock.warnAt = nil
            if clock.state == .running { clock.state = .paused }
            try await clock.save(on: db)
        }
    }

    private func resume(_ ticket: Ticket) async throws {
        for clock in try await openClocks(ticket) {
            var pauses = clock.pauseList
            if let last = pauses.indices.last, pauses[last].end == nil { pauses[last].end = now }
            clock.pauseList = pauses
            clock.schedule(calendar: try await Self.calendar(clock.calendarId, on: db), now: now)
            if clock.state == .paused { clock.state = .running }
            try await clock.save(on: db)
        }
    }

    /// The most specific policy for the facts; equally specific ones in `position` order.
    static func policy(for facts: TicketFacts, on db: any Database) async throws -> SLAPolicyRecord? {
        let policies = try await SLARows(sql: db.sql).policies()
        guard let chosen = SLAPolicy.select(for: facts, from: policies.map(\.rule)) else { return nil }
        return policies.first { $0.id?.uuidString == chosen.name }
    }

    static func calendar(_ id: UUID?, on db: any Database) async throws -> BusinessCalendar {
        guard let id, let record = try await BusinessCalendarRecord.find(id, on: db) else { return .always }
        return record.calendar
    }

    // MARK: scheduler

    static func warnDue(now: Date, db: any Database, limit: Int) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE sla_clocks SET warn_at = NULL, warned_at = \(bind: now)
            WHERE id IN (SELECT id FROM sla_clocks WHERE state = 'running' AND warn_at <= \(bind: now)
                         ORDER BY warn_at LIMIT \(unsafeRaw: String(limit)))
              AND state = 'running' AND warn_at IS NOT NULL
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        return try await record(ids, as: TimelineEvent.slaWarning, now: now, db: db)
    }

    static func breachDue(now: Date, db: any Database, limit: Int) async throws -> Int {
        let ids = try await db.sql.raw("""
            UPDATE sla_clocks SET state = 'breached', breached_at = \(bind: now), warn_at = NULL
            WHERE id IN (SELECT id FROM sla_clocks WHERE state = 'running' AND due_at <= \(bind: now)
                         ORDER BY due_at LIMIT \(unsafeRaw: String(limit)))
              AND state = 'running' AND due_at <= \(bind: now)
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        return try await record(ids, as: TimelineEvent.slaBreached, now: now, db: db)
    }

    private static func record(
        _ ids: [UUID], as event: (TimelineEvent.SLAClockAlert) -> TimelineEvent, now: Date, db: any Database
    ) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let desk = TicketDesk(on: db, actor: .system, at: now)
        for clock in try await SLAClockRecord.query(on: db).filter(\.$id ~~ ids).all() {
            let ticket = try await desk.ticketForChange(clock.ticketId)
            try await desk.record(event(.init(target: clock.target, policy: clock.policyName, dueAt: clock.dueAt)), on: ticket)
        }
        return ids.count
    }
}
