import Fluent
import FrontlineCore
import Foundation

/// A member of the service department: agent, lead, manager or admin.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "email_normalized") var emailNormalized: String
    @Field(key: "name") var name: String
    @Enum(key: "role") var role: UserRole
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID? = nil, email: String, name: String, role: UserRole, passwordHash: String?, at: Date) {
        self.id = id
        self.email = email
        self.emailNormalized = EmailAddress.normalized(email)
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.active = true
        self.createdAt = at
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $email, $emailNormalized, $name, $role, $passwordHash, $active, $createdAt, $updatedAt] }
}
