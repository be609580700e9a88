/// Every administrative action the audit log records. The raw value is what is stored and what
/// `GET /api/v1/audit-log?kind=` filters by, so a case is never renamed once shipped.
enum AuditAction: String, Codable, CaseIterable, Sendable {
    case userCreated = "user.created"
    case userChanged = "user.changed"
    case userDeactivated = "user.deactivated"
    case userReactivated = "user.reactivated"
    case tokenCreated = "token.created"
    case tokenRevoked = "token.revoked"
    case teamCreated = "team.created"
    case teamChanged = "team.changed"
    case teamDeleted = "team.deleted"
    case teamMemberAdded = "team.member_added"
    case teamMemberRemoved = "team.member_removed"
    case settingsChanged = "settings.changed"
    case slaPolicyCreated = "sla_policy.created"
    case slaPolicyChanged = "sla_policy.changed"
    case slaPolicyDeleted = "sla_policy.deleted"
    case calendarCreated = "business_calendar.created"
    case calendarChanged = "business_calendar.changed"
    case calendarDeleted = "business_calendar.deleted"

    /// What the admin page says happened.
    var sentence: String {
        switch self {
        case .userCreated: "created a user"
        case .userChanged: "changed a user"
        case .userDeactivated: "deactivated a user"
        case .userReactivated: "reactivated a user"
        case .tokenCreated: "created an API token"
        case .tokenRevoked: "revoked an API token"
        case .teamCreated: "created a team"
        case .teamChanged: "changed a team"
        case .teamDeleted: "deleted a team"
        case .teamMemberAdded: "added a team member"
        case .teamMemberRemoved: "removed a team member"
        case .settingsChanged: "changed settings"
        case .slaPolicyCreated: "created an SLA policy"
        case .slaPolicyChanged: "changed an SLA policy"
        case .slaPolicyDeleted: "deleted an SLA policy"
        case .calendarCreated: "created a business calendar"
        case .calendarChanged: "changed a business calendar"
        case .calendarDeleted: "deleted a business calendar"
        }
    }
}
