/// One contact an agent handled, with the signals that make a contact emotionally heavy.
public struct ContactLoadInput: Codable, Sendable, Hashable {
    /// The ticket priority's raw value; `urgent` and `high` weigh more (compared case-insensitively).
    public var priority: String
    /// The contact was or became an escalation.
    public var escalated: Bool
    /// The agent received it by hand-off, often from a customer already let down.
    public var handoffReceived: Bool
    /// Someone tagged the contact difficult.
    public var taggedDifficult: Bool
    /// The customer's satisfaction answer, 1–5, if any; 2 or less counts as low.
    public var csat: Int?

    public init(priority: String, escalated: Bool = false, handoffReceived: Bool = false, taggedDifficult: Bool = false, csat: Int? = nil) {
        self.priority = priority
        self.escalated = escalated
        self.handoffReceived = handoffReceived
        self.taggedDifficult = taggedDifficult
        self.csat = csat
    }

    private enum CodingKeys: String, CodingKey {
        case priority, escalated, csat
        case handoffReceived = "handoff_received"
        case taggedDifficult = "tagged_difficult"
    }
}

/// How heavy an agent's day was. A prompt for a lead to check in, never a rating of the agent.
public enum EmotionalLoadLevel: String, Codable, CaseIterable, Sendable {
    case light, normal, heavy
}

/// An agent's emotional load for one day.
///
/// ```
/// per contact = 2.0 × escalated + 2.0 × tagged difficult + 2.0 × low satisfaction (CSAT ≤ 2 of 5)
///             + 1.0 × hand-off received + 1.0 if priority is urgent (0.5 if high)
/// figure      = sum over the day's contacts, rounded to one decimal
/// level       = heavy when figure ≥ 10, normal when figure ≥ 4, light below
/// ```
/// A routine contact weighs 0, so the figure counts strain, not volume: three escalated,
/// difficult contacts (12) make a heavy day; forty routine ones do not. The figure carries no
/// penalty and must not be used to rank people; it tells a lead whom to check in with today.
public struct EmotionalLoadScore: Sendable, Hashable {
    /// Contacts handled that day.
    public let contacts: Int
    /// Contacts with at least one weight above zero.
    public let contactsWithSignals: Int
    /// The day's weighted figure.
    public let figure: Double
    /// The figure's band.
    public let level: EmotionalLoadLevel
}

/// The emotional-load formula and its bands; see ``EmotionalLoadScore``.
public enum EmotionalLoad {
    /// The figures at which a day becomes normal and heavy.
    public struct Thresholds: Codable, Sendable, Hashable {
        public var normal: Double
        public var heavy: Double

        /// Normal from 4, heavy from 10.
        public static let standard = Thresholds(normal: 4, heavy: 10)

        public init(normal: Double, heavy: Double) {
            self.normal = normal
            self.heavy = heavy
        }
    }

    /// The weight of a single contact, in tenths so sums stay exact.
    static func tenths(_ contact: ContactLoadInput) -> Int {
        var tenths = 0
        if contact.escalated { tenths += 20 }
        if contact.taggedDifficult { tenths += 20 }
        if let csat = contact.csat, csat <= 2 { tenths += 20 }
        if contact.handoffReceived { tenths += 10 }
        switch contact.priority.lowercased() {
        case "urgent": tenths += 10
        case "high": tenths += 5
        default: break
        }
        return tenths
    }

    /// The weight of a single contact.
    public static func weight(of contact: ContactLoadInput) -> Double { Double(tenths(contact)) / 10 }

    /// The day's score from the contacts the agent handled that day.
    public static func daily(contacts: [ContactLoadInput], thresholds: Thresholds = .standard) -> EmotionalLoadScore {
        let weights = contacts.map(tenths)
        let figure = Double(weights.reduce(0, +)) / 10
        let level: EmotionalLoadLevel =
            figure >= thresholds.heavy ? .heavy : figure >= thresholds.normal ? .normal : .light
        return EmotionalLoadScore(
            contacts: contacts.count, contactsWithSignals: weights.count { $0 > 0 }, figure: figure, level: level)
    }
}
