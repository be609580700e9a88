import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// Creating the first admin. On a start with no staff, the log shows a one-time link to `/setup`
/// (and the equivalent CLI command); the link works until it is used or an admin exists.
enum SetupController {
    struct SetupRequest: Content {
        let token: String
        let email: String
        let name: String
        let password: String
    }

    struct SetupResponse: Content {
        let user: UserDTO
        let token: String
    }

    /// Logs the setup link when the desk has nobody yet: on the public address, or on the address
    /// the server was told to listen on (never a request's), saying that no public address is set.
    static func announceIfNeeded(_ app: Application, listeningOn address: String) async throws {
        guard try await User.query(on: app.db).count() == 0 else { return }
        let (token, hash) = APIToken.generate()
        let now = app.clock.now()
        try await app.write { db in try await SetupToken(tokenHash: hash, at: now).create(on: db) }
        let link = app.frontlineConfig.publicURL == nil
            ? "\(address)\(WebRoute.setup.query(["token": token]).href) (FRONTLINE_PUBLIC_URL is not set: this is the listening address)"
            : app.publicLink(WebRoute.setup.query(["token": token]))
        app.logger.notice("""
            No users yet. Create the first admin at \(link)
            or from the shell: frontline user create --email you@example.com --name "Your Name" --role admin
            """)
    }

    @Sendable static func completeAPI(req: Request) async throws -> Response {
        let input = try req.content.decode(SetupRequest.self)
        let (user, token) = try await complete(input, on: req)
        return try await SetupResponse(user: try UserDTO(user), token: token).encodeResponse(status: .created, for: req)
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        return SetupPage.response(token: token, message: nil, status: .ok)
    }

    @Sendable static func completeForm(req: Request) async throws -> Response {
        guard let input = try? req.content.decode(SetupRequest.self) else {
            return SetupPage.response(token: "", message: "Please fill in every field.", status: .unprocessableEntity)
        }
        do {
            _ = try await complete(input, on: req)
            return SetupPage.done()
        } catch let error as any FrontlineError {
            return SetupPage.response(token: input.token, message: error.reason, status: error.status)
        }
    }

    /// Checks the one-time token and creates the admin with a first API token.
    private static func complete(_ input: SetupRequest, on req: Request) async throws -> (User, String) {
        try StaffDirectory.checkPassword(input.password)
        let passwordHash = try await req.password.async.hash(input.password)
        let (apiToken, apiTokenHash) = APIToken.generate()
        let now = req.now
        let user = try await req.write { db in
            // Marked used by one conditional update, acted on only if it changed the row: two
            // requests with one link (at once, on PostgreSQL too) create one admin.
            let closed = RequestError(.forbidden, "setup_closed", "this setup link is not valid or has been used; ask an admin for an account")
            guard try await User.query(on: db).filter(\.$role == .admin).count() == 0 else { throw closed }
            guard try await db.sql.raw("""
                UPDATE setup_tokens SET used_at = \(bind: now)
                WHERE token_hash = \(bind: APIToken.hash(input.token)) AND used_at IS NULL
                RETURNING id
                """).first() != nil
            else { throw closed }
            let user = try await StaffDirectory.create(
                email: input.email, name: input.name, role: .admin, passwordHash: passwordHash, on: db, at: req.now)
            try await APIToken(tokenHash: apiTokenHash, label: "setup", userId: user.id, customerId: nil, at: req.now).create(on: db)
            // The first admin made themselves one with the one-time setup link: the log's first entry.
            try await AuditLog.record(.userCreated, by: .init(user), subject: "user", id: user.id?.uuidString, after: AuditSnapshot.User(user), at: req.now, on: db)
            return user
        }
        return (user, apiToken)
    }
}
