import FrontlineCore
import Foundation

// The payloads of the SLA events, written by `SLAClocks`.

extension TimelineEvent {
    /// `sla_policy_changed`: a priority or tag change made another policy the ticket's (names; nil is none).
    struct SLAPolicyChange: Codable, Sendable, Equatable {
        @NullWhenAbsent var before: String?
        @NullWhenAbsent var after: String?
    }

    /// `sla_warning` and `sla_breached`: one clock of the ticket.
    struct SLAClockAlert: Codable, Sendable, Equatable {
        var target: SLATarget
        /// The policy's name.
        var policy: String
        @NullWhenAbsent var dueAt: Date?

        enum CodingKeys: String, CodingKey {
            case target, policy
            case dueAt = "due_at"
        }
    }
}
