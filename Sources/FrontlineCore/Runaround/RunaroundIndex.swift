/// How much a ticket has bounced its customer around, and whether that calls for an alert.
///
/// ```
/// index = 1.0 × handoffs
///       + 0.5 × max(0, distinctOwners − 1)
///       + 0.5 × max(0, customerContacts − 1)
///       + 1.0 × channelSwitches
///       + 1.5 × reopenings
///       + 1.0 × holdsWithoutWaitTold
///       + 3.0 × brokenPromises
///       + 0.2 × daysOpen
/// rounded to one decimal (computed in tenths, so exact).
/// ```
/// The first owner and the first contact are free: a ticket solved by its first owner on first
/// contact scores 0 on those. A broken promise weighs most because it is the moment a customer
/// stops trusting what they are told. Negative counts are treated as 0.
///
/// The ticket is flagged when any threshold of ``RunaroundThresholds`` is reached: hand-offs,
/// customer contacts while unresolved, broken promises, or the index itself.
public struct RunaroundIndex: Sendable, Hashable {
    /// One reason a ticket was flagged.
    public enum Trigger: Sendable, Hashable, CustomStringConvertible {
        case handoffs(count: Int, threshold: Int)
        case customerContactsWhileUnresolved(count: Int, threshold: Int)
        case brokenPromises(count: Int, threshold: Int)
        case index(value: Double, threshold: Double)

        public var description: String {
            switch self {
            case .handoffs(let count, let threshold):
                "\(count) hand-off\(count == 1 ? "" : "s") (alert at \(threshold))"
            case .customerContactsWhileUnresolved(let count, let threshold):
                "customer got in touch \(count) time\(count == 1 ? "" : "s") without a resolution (alert at \(threshold))"
            case .brokenPromises(let count, let threshold):
                "\(count) broken promise\(count == 1 ? "" : "s") (alert at \(threshold))"
            case .index(let value, let threshold):
                "runaround index \(value) (alert at \(threshold))"
            }
        }
    }

    /// The counts the index was computed from.
    public let factors: RunaroundFactors
    /// The weighted sum, rounded to one decimal.
    public let index: Double
    /// Why the ticket was flagged, in the order hand-offs, contacts, broken promises, index.
    public let triggers: [Trigger]

    /// Whether any threshold was reached.
    public var flagged: Bool { !triggers.isEmpty }
    /// ``triggers`` as sentences for the alert.
    public var reasons: [String] { triggers.map(\.description) }

    /// - Parameter isResolved: whether the ticket is solved or closed; repeated contacts only
    ///   raise an alert while the customer is still waiting.
    public init(factors: RunaroundFactors, isResolved: Bool = false, thresholds: RunaroundThresholds = .standard) {
        self.factors = factors
        self.index = Self.index(of: factors)
        var triggers: [Trigger] = []
        if factors.handoffs >= thresholds.handoffs {
            triggers.append(.handoffs(count: factors.handoffs, threshold: thresholds.handoffs))
        }
        if !isResolved, factors.customerContacts >= thresholds.customerContactsWhileUnresolved {
            triggers.append(.customerContactsWhileUnresolved(
                count: factors.customerContacts, threshold: thresholds.customerContactsWhileUnresolved))
        }
        if factors.brokenPromises >= thresholds.brokenPromises {
            triggers.append(.brokenPromises(count: factors.brokenPromises, threshold: thresholds.brokenPromises))
        }
        if index >= thresholds.index {
            triggers.append(.index(value: index, threshold: thresholds.index))
        }
        self.triggers = triggers
    }

    /// The formula above in words, for people reading an index on a page. Each weight here is the
    /// one ``index(of:)`` applies (a unit test holds them together).
    public static let formula =
        "1 × hand-offs + 0.5 × (owners − 1) + 0.5 × (contacts − 1) + 1 × channel switches + 1.5 × reopenings"
        + " + 1 × holds without a wait told + 3 × broken promises + 0.2 × days open"

    /// The formula above; integer tenths keep the result free of floating-point dust.
    public static func index(of factors: RunaroundFactors) -> Double {
        let f = factors
        let tenths = 10 * max(0, f.handoffs)
            + 5 * max(0, f.distinctOwners - 1)
            + 5 * max(0, f.customerContacts - 1)
            + 10 * max(0, f.channelSwitches)
            + 15 * max(0, f.reopenings)
            + 10 * max(0, f.holdsWithoutWaitTold)
            + 30 * max(0, f.brokenPromises)
            + 2 * max(0, f.daysOpen)
        return Double(tenths) / 10
    }
}
