import Foundation

/// The admin pages, under `/admin`: people, teams, tokens, inbound mail, settings, the audit log.
enum AdminRoute: Sendable, Hashable {
    case users
    case userActive(Parameter<UUID>)
    case teams
    case teamMembers(Parameter<UUID>)
    case removeTeamMember(team: Parameter<UUID>, user: Parameter<UUID>)
    case tokens
    case revokeToken(Parameter<UUID>)
    case mail
    case retryMail(Parameter<UUID>)
    case settings
    case auditLog

    var segments: [RouteSegment] {
        switch self {
        case .users: ["users"]
        case let .userActive(id): ["users", .parameter("userID", id), "active"]
        case .teams: ["teams"]
        case let .teamMembers(id): ["teams", .parameter("teamID", id), "members"]
        case let .removeTeamMember(team, user): ["teams", .parameter("teamID", team), "members", .parameter("userID", user), "remove"]
        case .tokens: ["tokens"]
        case let .revokeToken(id): ["tokens", .parameter("tokenID", id), "revoke"]
        case .mail: ["mail"]
        case let .retryMail(id): ["mail", .parameter("mailID", id), "retry"]
        case .settings: ["settings"]
        case .auditLog: ["audit-log"]
        }
    }
}
