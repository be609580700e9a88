/// A set of SLA targets and the tickets they apply to.
///
/// A policy matches a ticket when every condition it sets holds (unset conditions match anything);
/// a policy with no conditions is a default. When several match, the most specific wins:
/// organization outranks tag, tag outranks priority, priority outranks the default — scored as
/// organization 4 + tag 2 + priority 1, so "organization and priority" (5) beats "organization"
/// (4), which beats "tag and priority" (3). Among equally specific matches the one listed first wins.
public struct SLAPolicy: Sendable, Codable, Hashable {
    /// Shown to agents and in reports ("Gold customers", "Urgent").
    public var name: String
    /// Applies only to tickets of this priority (raw value), when set.
    public var priority: String?
    /// Applies only to tickets of this organization, when set.
    public var organizationID: String?
    /// Applies only to tickets carrying this tag, when set.
    public var tag: String?
    /// Business minutes allowed per target; a missing target is not measured under this policy.
    public var targetMinutes: [SLATarget: Int]

    public init(
        name: String, priority: String? = nil, organizationID: String? = nil, tag: String? = nil,
        targetMinutes: [SLATarget: Int]
    ) {
        self.name = name
        self.priority = priority
        self.organizationID = organizationID
        self.tag = tag
        self.targetMinutes = targetMinutes
    }

    private enum CodingKeys: String, CodingKey {
        case name, priority, tag
        case organizationID = "organization_id"
        case targetMinutes = "target_minutes"
    }

    /// Whether every condition this policy sets holds for the ticket.
    public func matches(_ facts: TicketFacts) -> Bool {
        if let organizationID, organizationID != facts.organizationID { return false }
        if let tag, !facts.tags.contains(tag) { return false }
        if let priority, priority != facts.priority { return false }
        return true
    }

    /// Organization 4 + tag 2 + priority 1; higher is more specific.
    public var specificity: Int {
        (organizationID == nil ? 0 : 4) + (tag == nil ? 0 : 2) + (priority == nil ? 0 : 1)
    }

    /// The most specific matching policy, the first listed among equals; nil when none matches.
    public static func select(for facts: TicketFacts, from policies: [SLAPolicy]) -> SLAPolicy? {
        var best: SLAPolicy?
        for policy in policies where policy.matches(facts) {
            if best == nil || policy.specificity > best!.specificity { best = policy }
        }
        return best
    }
}
