/// How urgent a ticket is; the order of the cases is the order of urgency.
public enum TicketPriority: String, Codable, CaseIterable, Sendable, Comparable {
    case low
    case normal
    case high
    case urgent

    /// Rank for sorting, higher is more urgent.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool { lhs.rank < rhs.rank }
}
