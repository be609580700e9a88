import Fluent
import Vapor

/// Staff sign-in and sign-out. Failed attempts count against the account and the address in the
/// database; past the limit the page answers 429 and says how long to wait.
enum SignInController {
    struct SignInForm: Content {
        let email: String?
        let password: String?
        let next: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        if req.webUser != nil { return req.redirect(to: WebRoute.desk(.home)) }
        return SignInPage.render(req, email: "", next: safeNext(try? req.query.get(String.self, at: "next")), message: nil).response()
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = EmailAddress.normalized(form.email ?? "")
        let next = safeNext(form.next)
        let address = req.clientAddress
        let decision = try await PasswordAttempts.admit(account: email, address: address, on: req)
        guard decision == .admitted else {
            return SignInPage.render(
                req, email: email, next: next,
                message: WebError.tooManyAttempts(minutes: RateLimit.signInPerAccount.minutes, what: "failed sign-ins").reason
            ).response(status: .tooManyRequests).retrying(after: decision)
        }
        let user = try await User.query(on: req.db).filter(\.$emailNormalized == email).first()
        let hash = user?.passwordHash ?? req.application.decoyPasswordHash
        let matches = (try? await req.password.async.verify(form.password ?? "", created: hash)) ?? false
        guard let user, user.active, user.passwordHash != nil, matches else {
            // The attempt was counted before the check; a failure keeps it.
            return SignInPage.render(req, email: email, next: next, message: "That email and password do not match an active account.")
                .response(status: .unauthorized)
        }
        let response = req.redirect(to: next ?? WebRoute.desk(.home).path, redirectType: .normal)
        try await startSession(req, response: response, userId: user.requireID(), customerId: nil)
        try await PasswordAttempts.succeeded(account: email, address: address, on: req)
        return response
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        let wasCustomer = req.webCustomer != nil
        if let session = req.webSession {
            try await req.write { db in try await session.delete(on: db) }
        }
        let response = req.redirect(to: wasCustomer ? WebRoute.portal(.signIn) : WebRoute.signIn)
        response.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie("", maxAge: 0, on: req)
        return response
    }

    /// Stores a new session (with its own CSRF token) and sets its cookie on `response`.
    static func startSession(_ req: Request, response: Response, userId: UUID?, customerId: UUID?) async throws {
        let token = WebSecret.make()
        let csrf = WebSecret.make()
        let now = req.now
        try await req.write { db in
            // Signing in is a good moment to sweep sessions that have run out.
            try await WebSession.query(on: db).filter(\.$expiresAt < now).delete()
            try await WebSession(
                tokenHash: WebSecret.hash(token), userId: userId, customerId: customerId, csrfToken: csrf, at: now,
                lifetime: WebSession.lifetime
            ).create(on: db)
        }
        response.cookies[WebSessionMiddleware.cookieName] = WebSessionMiddleware.cookie(
            token, maxAge: Int(WebSession.lifetime), on: req)
    }

    /// Only a path on this desk: never an open redirect to another site.
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return nil }
        return raw
    }
}

/// The staff sign-in page.
enum SignInPage {
    static func render(_ req: Request, email: String, next: String?, message: String?) -> Markup {
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let nextField: Markup = next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" } ?? .empty
        return Layout.plain(req, title: "Sign in", bodyClass: "plain signin", body: """
            <main id="main" class="card narrow">
              <p class="brand-mark">Frontline</p>
              <h1>Sign in to the desk</h1>
              \(error)
              <form method="post" action="\(WebRoute.signIn)" class="stack">
                \(req.csrfField)
                \(nextField)
                <label for="email">Email</label>
                <input id="email" name="email" type="email" autocomplete="username" required value="\(email)" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit" class="wide">Sign in</button>
              </form>
              <p class="small muted">A customer? <a href="\(WebRoute.portal(.signIn))">Go to the customer portal</a>.</p>
            </main>
            """)
    }
}
