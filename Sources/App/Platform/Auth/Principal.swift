import Fluent
import FrontlineCore
import Vapor

/// Who a request acts for: a staff member or a customer.
enum Principal: Authenticatable {
    case user(User)
    case customer(Customer)

    var actor: Actor {
        switch self {
        case .user(let user): .user(user)
        case .customer(let customer): .customer(customer)
        }
    }
}

/// Finds the principal of a bearer token. Tokens are looked up by their hash; a deactivated user's
/// tokens stop working at once.
struct BearerAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let principal = try await TokenPrincipals(sql: request.db.sql).principal(tokenHash: APIToken.hash(bearer.token)) {
            request.auth.login(principal)
        }
    }
}

extension Request {
    /// The authenticated principal, or 401.
    var principal: Principal {
        get throws {
            guard let principal = auth.get(Principal.self) else { throw RequestError.unauthenticated }
            return principal
        }
    }

    /// The authenticated staff member with at least `role`, or 401/403.
    func staff(atLeast role: UserRole = .agent) throws -> User {
        guard case .user(let user) = try principal else {
            throw RequestError.forbidden("this is for staff; a customer token cannot do it")
        }
        guard user.role >= role else {
            throw RequestError.forbidden("this needs the \(role.rawValue) role or higher")
        }
        return user
    }

    /// A UUID path parameter; a malformed one names nothing, so it is a 404.
    func id(_ name: String, of what: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw RequestError.notFound(what) }
        return id
    }
}
