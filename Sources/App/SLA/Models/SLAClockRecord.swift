import Fluent
import FrontlineCore
import Foundation

/// One SLA target's clock on one ticket. The due and warning times are kept up to date as the
/// ticket pauses and resumes, so the scheduler finds due clocks by an index range scan.
final class SLAClockRecord: Model, @unchecked Sendable {
    static let schema = "sla_clocks"

    /// Stored state: `running`, `paused`, `met` or `breached` (a warning is `running` with `warned_at`).
    enum State: String, Codable, Sendable {
        case running, paused, met, breached
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Enum(key: "target") var target: SLATarget
    @OptionalField(key: "policy_id") var policyId: UUID?
    @Field(key: "policy_name") var policyName: String
    @OptionalField(key: "calendar_id") var calendarId: UUID?
    @Field(key: "target_minutes") var targetMinutes: Int
    @Field(key: "warning_minutes") var warningMinutes: Int
    @Field(key: "started_at") var startedAt: Date
    /// `[SLAPause]` as JSON: the stretches the ticket was pending on the customer.
    @Field(key: "pauses") var pauses: String
    @OptionalField(key: "stopped_at") var stoppedAt: Date?
    /// Nil while paused.
    @OptionalField(key: "due_at") var dueAt: Date?
    /// Nil while paused and once warned.
    @OptionalField(key: "warn_at") var warnAt: Date?
    @Enum(key: "state") var state: State
    @OptionalField(key: "warned_at") var warnedAt: Date?
    @OptionalField(key: "breached_at") var breachedAt: Date?

    init() {}

    init(ticketId: UUID, target: SLATarget, policy: SLAPolicyRecord, minutes: Int, at: Date) {
        self.ticketId = ticketId
        self.target = target
        self.policyId = policy.id
        self.policyName = policy.name
        self.calendarId = policy.calendarId
        self.targetMinutes = minutes
        self.warningMinutes = policy.warningMinutes
        self.startedAt = at
        self.pauses = "[]"
        self.state = .running
    }

    /// Measures this clock against another policy from now on (its start and pauses stay).
    func adopt(_ policy: SLAPolicyRecord, minutes: Int) {
        policyId = policy.id
        policyName = policy.name
        calendarId = policy.calendarId
        targetMinutes = minutes
        warningMinutes = policy.warningMinutes
    }

    var pauseList: [SLAPause] {
        get { (try? JSONDecoder().decode([SLAPause].self, from: Data(pauses.utf8))) ?? [] }
        set { pauses = (try? String(decoding: JSONEncoder().encode(newValue), as: UTF8.self)) ?? "[]" }
    }

    /// FrontlineCore's clock for this row.
    func clock(calendar: BusinessCalendar) -> SLAClock {
        SLAClock(target: target, start: startedAt, targetMinutes: targetMinutes, calendar: calendar, pauses: pauseList, stoppedAt: stoppedAt)
    }

    /// Recomputes the due and warning times as known at `now`.
    func schedule(calendar: BusinessCalendar, now: Date) {
        let clock = clock(calendar: calendar)
        dueAt = clock.due(at: now)
        if warnedAt == nil, warningMinutes > 0, warningMinutes < targetMinutes {
            warnAt = SLAClock(
                target: target, start: startedAt, targetMinutes: targetMinutes - warningMinutes, calendar: calendar,
                pauses: pauseList, stoppedAt: stoppedAt
            ).due(at: now)
        } else {
            warnAt = nil
        }
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $ticketId, $target, $policyId, $policyName, $calendarId, $targetMinutes, $warningMinutes, $startedAt, $pauses, $stoppedAt,
            $dueAt, $warnAt, $state, $warnedAt, $breachedAt
        ]
    }
}
