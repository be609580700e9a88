/// When a ticket's runaround raises an alert. Any one condition is enough.
public struct RunaroundThresholds: Codable, Sendable, Hashable {
    /// Flag at this many hand-offs or more.
    public var handoffs: Int
    /// Flag at this many customer contacts or more while the ticket is unresolved.
    public var customerContactsWhileUnresolved: Int
    /// Flag at this many broken promises or more.
    public var brokenPromises: Int
    /// Flag at this index or more.
    public var index: Double

    /// Three hand-offs, four contacts while unresolved, one broken promise, or index 8.0. Four
    /// contacts, not three: writing, answering a question and confirming the fix is an ordinary
    /// ticket; a customer who had to chase three times is being given the runaround.
    public static let standard = RunaroundThresholds(
        handoffs: 3, customerContactsWhileUnresolved: 4, brokenPromises: 1, index: 8.0)

    public init(handoffs: Int, customerContactsWhileUnresolved: Int, brokenPromises: Int, index: Double) {
        self.handoffs = handoffs
        self.customerContactsWhileUnresolved = customerContactsWhileUnresolved
        self.brokenPromises = brokenPromises
        self.index = index
    }

    private enum CodingKeys: String, CodingKey {
        case handoffs, index
        case customerContactsWhileUnresolved = "customer_contacts_while_unresolved"
        case brokenPromises = "broken_promises"
    }
}
