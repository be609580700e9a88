import Foundation

/// Who did something: a staff member, a customer, or Frontline itself (mail, scheduler, calls).
struct Actor: Sendable, Codable, Equatable {
    enum Kind: String, Sendable, Codable {
        case user
        case customer
        case system
    }

    let kind: Kind
    let id: UUID?
    let name: String

    static func user(_ user: User) -> Actor { Actor(kind: .user, id: user.id, name: user.name) }
    static func customer(_ customer: Customer) -> Actor { Actor(kind: .customer, id: customer.id, name: customer.name) }
    static let system = Actor(kind: .system, id: nil, name: "Frontline")
}
