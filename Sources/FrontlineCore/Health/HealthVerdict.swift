/// The answer to "is this a customer service department or an office management department?"
public enum HealthVerdict: String, Codable, CaseIterable, Sendable {
    /// Most time goes to customers.
    case service
    /// Office work is taking over; time to look at the duty log.
    case drifting
    /// More time goes to office work than the thresholds allow for a service department.
    case officeManagement = "office_management"
}

/// The service-share boundaries of the verdicts: `service` at `service` or above, `drifting` at
/// `drifting` up to `service`, `officeManagement` below `drifting`. Boundaries belong to the better
/// verdict (0.70 exactly is service, 0.50 exactly is drifting), with a 1e-9 tolerance so a share
/// computed as 7 ÷ 10 is not lost to rounding.
public struct HealthThresholds: Codable, Sendable, Hashable {
    /// Lowest share that is still a service department.
    public var service: Double
    /// Lowest share that is drifting rather than office management.
    public var drifting: Double

    /// Service at 70 % and above, drifting from 50 %, office management below.
    public static let standard = HealthThresholds(service: 0.70, drifting: 0.50)

    public init(service: Double, drifting: Double) {
        self.service = service
        self.drifting = drifting
    }

    /// Whether `0 <= drifting <= service <= 1`.
    public var isValid: Bool { 0 <= drifting && drifting <= service && service <= 1 }

    /// The verdict for a service share.
    public func verdict(forShare share: Double) -> HealthVerdict {
        let tolerance = 1e-9
        if share >= service - tolerance { return .service }
        if share >= drifting - tolerance { return .drifting }
        return .officeManagement
    }
}
