/// What a ticket has put its customer through, counted from its timeline.
public struct RunaroundFactors: Codable, Sendable, Hashable {
    /// Changes of owner or team.
    public var handoffs: Int
    /// Different agents who have owned the ticket (the first owner included).
    public var distinctOwners: Int
    /// Times the customer had to get in touch (inbound messages, calls, chats).
    public var customerContacts: Int
    /// Times the customer's contact moved to a different channel than the previous one.
    public var channelSwitches: Int
    /// Times the ticket was reopened after being solved.
    public var reopenings: Int
    /// Holds on a call where the customer was not told how long the wait would be.
    public var holdsWithoutWaitTold: Int
    /// Promises to the customer that were broken.
    public var brokenPromises: Int
    /// Whole days since the ticket was created (until solved, if it is).
    public var daysOpen: Int

    public init(
        handoffs: Int = 0, distinctOwners: Int = 0, customerContacts: Int = 0, channelSwitches: Int = 0,
        reopenings: Int = 0, holdsWithoutWaitTold: Int = 0, brokenPromises: Int = 0, daysOpen: Int = 0
    ) {
        self.handoffs = handoffs
        self.distinctOwners = distinctOwners
        self.customerContacts = customerContacts
        self.channelSwitches = channelSwitches
        self.reopenings = reopenings
        self.holdsWithoutWaitTold = holdsWithoutWaitTold
        self.brokenPromises = brokenPromises
        self.daysOpen = daysOpen
    }

    private enum CodingKeys: String, CodingKey {
        case handoffs, reopenings
        case distinctOwners = "distinct_owners"
        case customerContacts = "customer_contacts"
        case channelSwitches = "channel_switches"
        case holdsWithoutWaitTold = "holds_without_wait_told"
        case brokenPromises = "broken_promises"
        case daysOpen = "days_open"
    }
}
