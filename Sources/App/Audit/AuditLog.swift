import Fluent
import Foundation

/// Records administrative actions, in the same transaction as the change they describe: an action
/// that rolls back leaves no entry, and one that commits cannot lose its entry.
enum AuditLog {
    /// Who acted: a staff member, or the operator at the command line.
    struct Actor: Sendable {
        let id: UUID?
        let name: String

        init(_ user: User) {
            id = user.id
            name = user.name
        }

        private init(id: UUID?, name: String) {
            self.id = id
            self.name = name
        }

        static let commandLine = Actor(id: nil, name: "command line")
    }

    /// A change to a staff account, named by what changed most: activation, else any other field.
    static func recordUserChange(
        before: AuditSnapshot.User, after: AuditSnapshot.User, by actor: Actor, userId: UUID?, at now: Date, on db: any Database
    ) async throws {
        let action: AuditAction = before.active == after.active ? .userChanged : (after.active ? .userReactivated : .userDeactivated)
        try await record(action, by: actor, subject: "user", id: userId?.uuidString, before: before, after: after, at: now, on: db)
    }

    static func record(
        _ action: AuditAction, by actor: Actor, subject type: String, id: String?,
        before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil, at now: Date, on db: any Database
    ) async throws {
        try await AuditEntry(
            at: now, actorId: actor.id, actorName: actor.name, kind: action, subjectType: type, subjectId: id,
            before: try before.map(snapshot), after: try after.map(snapshot)
        ).create(on: db)
    }

    private static func snapshot(_ value: any Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }
}

/// What the audit log keeps of records it describes: the fields an administrator changes, never a
/// secret (no password hashes, no token hashes).
enum AuditSnapshot {
    struct User: Encodable, Sendable {
        let name: String
        let email: String
        let role: String
        let active: Bool
        /// Present (true) only on the after side of a change that set a new password.
        let passwordChanged: Bool?

        enum CodingKeys: String, CodingKey {
            case name, email, role, active, passwordChanged = "password_changed"
        }

        init(_ user: App.User, passwordChanged: Bool = false) {
            name = user.name
            email = user.email
            role = user.role.rawValue
            active = user.active
            self.passwordChanged = passwordChanged ? true : nil
        }
    }

    struct Token: Encodable, Sendable {
        let label: String
        let userId: UUID?
        let customerId: UUID?

        enum CodingKeys: String, CodingKey {
            case label, userId = "user_id", customerId = "customer_id"
        }

        init(_ token: APIToken) {
            label = token.label
            userId = token.userId
            customerId = token.customerId
        }
    }

    struct Team: Encodable, Sendable {
        let name: String
        let description: String?

        init(_ team: App.Team) {
            name = team.name
            description = team.teamDescription
        }
    }

    struct Membership: Encodable, Sendable {
        let teamId: UUID
        let userId: UUID

        enum CodingKeys: String, CodingKey {
            case teamId = "team_id", userId = "user_id"
        }
    }
}

extension DeskSettings {
    /// The settings as the audit log keeps them.
    var audited: [String: String] {
        ["desk_name": deskName, "support_address": supportAddress, "time_zone": timeZone]
    }
}
