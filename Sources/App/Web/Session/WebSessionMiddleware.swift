import Fluent
import Vapor

/// Finds the signed-in principal of a browser from its session cookie, and gives every request the
/// CSRF token its forms carry.
struct WebSessionMiddleware: AsyncMiddleware {
    static let cookieName = "frontline_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty,
            let session = try await WebSession.query(on: request.db)
                .filter(\.$tokenHash == WebSecret.hash(token)).filter(\.$expiresAt > request.now).first()
        {
            if let userId = session.userId, let user = try await User.find(userId, on: request.db), user.active {
                request.auth.login(Principal.user(user))
                request.webSession = session
            } else if let customerId = session.customerId, let customer = try await Customer.find(customerId, on: request.db) {
                request.auth.login(Principal.customer(customer))
                request.webSession = session
            }
        }
        return try await next.respond(to: request)
    }

    /// The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
    /// posts), Secure when the desk is reached over https.
    static func cookie(_ value: String, maxAge: Int?, on request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: request.application.webCookiesSecure,
            isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    private struct WebSessionKey: StorageKey {
        typealias Value = WebSession
    }

    /// The browser session of this request, when signed in.
    var webSession: WebSession? {
        get { storage[WebSessionKey.self] }
        set { storage[WebSessionKey.self] = newValue }
    }

    /// The signed-in staff member, or nil.
    var webUser: User? {
        if case .user(let user) = auth.get(Principal.self) { return user }
        return nil
    }

    /// The signed-in portal customer, or nil.
    var webCustomer: Customer? {
        if case .customer(let customer) = auth.get(Principal.self) { return customer }
        return nil
    }
}

extension Application {
    /// Cookies are marked Secure when the public address is https; on plain http (a desk on a
    /// laptop, the tests) a Secure cookie would never come back.
    var webCookiesSecure: Bool {
        frontlineConfig.publicURL?.lowercased().hasPrefix("https://") ?? false
    }
}
