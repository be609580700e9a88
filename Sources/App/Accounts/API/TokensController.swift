import Fluent
import Vapor

/// `POST /api/v1/tokens`: trade an email and password for an API token, shown once.
enum TokensController {
    struct TokenRequest: Content {
        let email: String
        let password: String
        let label: String?
    }

    struct TokenResponse: Content {
        let token: String
        let tokenType: String
        let userId: UUID?
        let customerId: UUID?

        enum CodingKeys: String, CodingKey {
            case token
            case tokenType = "token_type", userId = "user_id", customerId = "customer_id"
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(TokenRequest.self)
        let email = EmailAddress.normalized(input.email)
        let label = String((input.label ?? "api").prefix(100))
        let address = req.clientAddress
        let user = try await User.query(on: req.db).filter(\.$emailNormalized == email).first()
        let customer = try await CustomerDirectory.find(email: email, on: req.db)
        // The same limits, and the same counters, as signing in on the web: a guesser gets no
        // more tries by switching to the API, nor by sending them in parallel.
        let account = user == nil && customer != nil ? PasswordAttempts.customerAccount(email) : email
        let decision = try await PasswordAttempts.admit(account: account, address: address, on: req)
        if case .refused(let seconds) = decision { throw TooManyAttempts(retryAfter: seconds) }
        var userId: UUID?
        var customerId: UUID?
        var staff: User?
        if let user, user.active, let hash = user.passwordHash, try await req.password.async.verify(input.password, created: hash) {
            userId = try user.requireID()
            staff = user
        } else if let customer, let hash = customer.passwordHash, try await req.password.async.verify(input.password, created: hash) {
            customerId = try customer.requireID()
        } else {
            // A wrong email costs as long as a wrong password, so the answer reveals nothing.
            if user?.passwordHash == nil, customer?.passwordHash == nil {
                _ = try? await req.password.async.verify(input.password, created: req.application.decoyPasswordHash)
            }
            throw RequestError(.unauthorized, "invalid_credentials", "email or password is wrong")
        }
        try await PasswordAttempts.succeeded(account: account, address: address, on: req)
        let (token, hash) = APIToken.generate()
        try await req.write { [userId, customerId, staff] db in
            let token = APIToken(tokenHash: hash, label: label, userId: userId, customerId: customerId, at: req.now)
            try await token.create(on: db)
            // A staff token opens the whole API: it is an administrative fact. A customer's own token is not.
            if let staff {
                try await AuditLog.record(.tokenCreated, by: .init(staff), subject: "token", id: token.id?.uuidString, after: AuditSnapshot.Token(token), at: req.now, on: db)
            }
        }
        return try await TokenResponse(token: token, tokenType: "bearer", userId: userId, customerId: customerId)
            .encodeResponse(status: .created, for: req)
    }
}
