/// What a staff member may do. Each role can do everything the roles before it can.
public enum UserRole: String, Codable, CaseIterable, Sendable, Comparable {
    case agent
    case lead
    case manager
    case admin

    private var rank: Int {
        switch self {
        case .agent: 0
        case .lead: 1
        case .manager: 2
        case .admin: 3
        }
    }

    public static func < (lhs: UserRole, rhs: UserRole) -> Bool { lhs.rank < rhs.rank }

    /// Managers and admins manage users and teams.
    public var managesPeople: Bool { self >= .manager }
}
