import Fluent
import FrontlineCore
import Vapor

/// Creating and changing staff accounts, with the rules every surface (API, CLI, setup) shares.
enum StaffDirectory {
    /// Bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    static let passwordBytes = 8...72

    static func checkPassword(_ password: String) throws {
        guard passwordBytes.contains(password.utf8.count) else {
            throw RequestError.invalid("password", "password must be 8 to 72 bytes long")
        }
    }

    static func checkName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(trimmed.unicodeScalars.count) else { throw RequestError.invalid("name", "name must be 1 to 200 characters") }
        return trimmed
    }

    /// Creates a staff member; the password, when given, is stored as a Bcrypt hash.
    static func create(
        email: String, name: String, role: UserRole, passwordHash: String?, on db: any Database, at now: Date
    ) async throws -> User {
        guard EmailAddress.hasDocumentedForm(email) else { throw RequestError.invalid("email", "'\(email)' is not an email address") }
        let name = try checkName(name)
        let normalized = EmailAddress.normalized(email)
        if try await User.query(on: db).filter(\.$emailNormalized == normalized).first() != nil {
            throw RequestError.conflict("a user with email \(normalized) already exists", field: "email")
        }
        let user = User(email: email.trimmingCharacters(in: .whitespaces), name: name, role: role, passwordHash: passwordHash, at: now)
        try await user.create(on: db)
        return user
    }

    /// Whether `actor` may create or change an account with `role`: admins anything; managers
    /// anyone but admins, so that nobody can grant more than they have.
    static func mayManage(_ role: UserRole, as actor: User) -> Bool {
        actor.role == .admin || (actor.role.managesPeople && role < .admin)
    }
}
