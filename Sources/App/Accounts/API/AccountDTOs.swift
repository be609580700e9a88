import FrontlineCore
import Vapor

/// A staff member as the API shows it (never the password hash).
struct UserDTO: Content {
    let id: UUID
    let email: String
    let name: String
    let role: UserRole
    let active: Bool
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email, name, role, active
        case createdAt = "created_at"
    }

    init(_ user: User) throws {
        id = try user.requireID()
        email = user.email
        name = user.name
        role = user.role
        active = user.active
        createdAt = user.createdAt
    }
}

/// A team with its members' ids.
struct TeamDTO: Content {
    let id: UUID
    let name: String
    let description: String?
    let memberIds: [UUID]
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, description
        case memberIds = "member_ids", createdAt = "created_at"
    }

    init(_ team: Team, memberIds: [UUID]) throws {
        id = try team.requireID()
        name = team.name
        description = team.teamDescription
        self.memberIds = memberIds
        createdAt = team.createdAt
    }
}

/// A customer.
struct CustomerDTO: Content {
    let id: UUID
    let email: String
    let name: String
    let phone: String?
    let organizationId: UUID?
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, email, name, phone
        case organizationId = "organization_id", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ customer: Customer) throws {
        id = try customer.requireID()
        email = customer.email
        name = customer.name
        phone = customer.phone
        organizationId = customer.organizationId
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }
}

/// An organization.
struct OrganizationDTO: Content {
    let id: UUID
    let name: String
    let domain: String?
    let notes: String?
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, domain, notes
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ organization: Organization) throws {
        id = try organization.requireID()
        name = organization.name
        domain = organization.domain
        notes = organization.notes
        createdAt = organization.createdAt
        updatedAt = organization.updatedAt
    }
}
