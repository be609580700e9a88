/// The few facts of a ticket that choose its SLA policy.
///
/// Priority is the ticket priority's raw value (e.g. `"high"`), kept as a string so this module
/// does not depend on the desk's enums. Values are compared exactly; normalise case beforehand.
public struct TicketFacts: Sendable, Hashable {
    /// The ticket priority's raw value.
    public var priority: String
    /// The requester's organization, if any.
    public var organizationID: String?
    /// The ticket's tags.
    public var tags: Set<String>

    public init(priority: String, organizationID: String? = nil, tags: Set<String> = []) {
        self.priority = priority
        self.organizationID = organizationID
        self.tags = tags
    }
}
