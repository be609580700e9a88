/// Where an SLA clock stands at a given instant.
///
/// Precedence when more than one could apply: `met`/`breached` (the clock has stopped, or the due
/// time has passed — a breach stays a breach even if the ticket is paused afterwards), then
/// `paused`, then `warning`, then `running`.
public enum SLAState: String, Codable, CaseIterable, Sendable {
    /// Counting business time with more than the warning lead left.
    case running
    /// Stopped while the ticket is pending on the customer; no due time until it resumes.
    case paused
    /// The target event happened at or before the due time.
    case met
    /// The due time passed before the target event (whether or not it has happened since).
    case breached
    /// Still running, but inside the warning lead: act now.
    case warning
}

/// When a running SLA clock should start warning, measured in business time.
public enum SLAWarning: Sendable, Hashable, Codable {
    /// Warn once this fraction of the target is used, e.g. `0.8` for 80 %.
    case usedFraction(Double)
    /// Warn once this many business minutes or fewer remain.
    case remainingMinutes(Int)

    /// Warning at 80 % of the target used.
    public static let standard = SLAWarning.usedFraction(0.8)

    func isWarning(elapsed: Double, target: Double) -> Bool {
        switch self {
        case .usedFraction(let fraction): elapsed >= fraction * target
        case .remainingMinutes(let minutes): target - elapsed <= Double(minutes) * 60
        }
    }
}
