import FrontlineCore
import Vapor

/// A ticket's SLA as every ticket DTO shows it: the policy and each target's due time and state.
struct SLADTO: Content {
    /// One target's clock.
    struct Clock: Content {
        let dueAt: Date?
        let state: SLAState
        let targetMinutes: Int
        let startedAt: Date
        let stoppedAt: Date?

        enum CodingKeys: String, CodingKey {
            case state
            case dueAt = "due_at", targetMinutes = "target_minutes", startedAt = "started_at", stoppedAt = "stopped_at"
        }
    }

    let policy: String?
    let firstResponse: Clock?
    let nextResponse: Clock?
    let resolution: Clock?

    enum CodingKeys: String, CodingKey {
        case policy, resolution
        case firstResponse = "first_response", nextResponse = "next_response"
    }

    static let unmeasured = SLADTO(policy: nil, firstResponse: nil, nextResponse: nil, resolution: nil)

    /// Builds the SLA of one ticket from its clocks (any order) and the calendars they count in.
    init(clocks: [SLAClockRecord], calendars: [UUID: BusinessCalendar], now: Date) {
        func view(_ target: SLATarget) -> Clock? {
            guard let record = clocks.filter({ $0.target == target }).max(by: { $0.startedAt < $1.startedAt }) else { return nil }
            let calendar = record.calendarId.flatMap { calendars[$0] } ?? .always
            let clock = record.clock(calendar: calendar)
            var state = clock.state(at: now, warning: .remainingMinutes(record.warningMinutes))
            // The scheduler's breach is final, whatever pauses came after.
            if record.state == .breached { state = .breached }
            return Clock(
                dueAt: clock.due(at: now), state: state, targetMinutes: record.targetMinutes, startedAt: record.startedAt,
                stoppedAt: record.stoppedAt)
        }
        policy = clocks.first?.policyName
        firstResponse = view(.firstResponse)
        nextResponse = view(.nextResponse)
        resolution = view(.resolution)
    }

    private init(policy: String?, firstResponse: Clock?, nextResponse: Clock?, resolution: Clock?) {
        self.policy = policy
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
    }
}
