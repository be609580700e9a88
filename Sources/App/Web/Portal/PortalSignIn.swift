import Fluent
import SQLKit
import Vapor

/// How customers sign in to the portal: a one-time link by email (stored hashed, 30 minutes, used
/// once) or a password they have set.
enum PortalSignIn {
    struct SignInForm: Content {
        let email: String?
        let password: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        if req.webCustomer != nil { return req.redirect(to: WebRoute.portal(.home)) }
        return page(req, email: "", message: nil, notice: nil).response()
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = EmailAddress.normalized(form.email ?? "")
        guard EmailAddress.isValid(email) else {
            return page(req, email: email, message: "Please enter the email address you write to us from.", notice: nil)
                .response(status: .unprocessableEntity)
        }
        let address = req.clientAddress
        if let password = form.password, !password.isEmpty {
            return try await withPassword(req, email: email, password: password, address: address)
        }
        let token = WebSecret.make()
        let now = req.now
        let (decision, customer) = try await req.write { db -> (RateLimit.Decision, Customer?) in
            let decision = try await RateLimit.portalLinkPerAddress.admit(address, on: db, at: now)
            guard decision == .admitted, let customer = try await CustomerDirectory.find(email: email, on: db) else {
                return (decision, nil)
            }
            try await PortalLink(tokenHash: WebSecret.hash(token), customerId: try customer.requireID(), at: now).create(on: db)
            return (decision, customer)
        }
        guard decision == .admitted else {
            return page(req, email: email, message: WebError.tooManyAttempts(minutes: RateLimit.portalLinkPerAddress.minutes, what: "sign-in links").reason, notice: nil)
                .response(status: .tooManyRequests).retrying(after: decision)
        }
        if let customer {
            try await req.application.portalLinkMailer.send(
                link: req.application.publicLink(WebRoute.portal(.link(.value(token)))), to: customer.email, name: customer.name, at: req.now,
                logger: req.logger)
        }
        // The same answer whether or not we know the address: the page must not reveal who our customers are.
        return page(req, email: email, message: nil,
            notice: "If \(email) has written to us, a sign-in link is on its way. It works once, for 30 minutes.").response()
    }

    private static func withPassword(_ req: Request, email: String, password: String, address: String) async throws -> Response {
        let account = PasswordAttempts.customerAccount(email)
        let decision = try await PasswordAttempts.admit(account: account, address: address, on: req)
        guard decision == .admitted else {
            return page(req, email: email, message: WebError.tooManyAttempts(minutes: RateLimit.signInPerAccount.minutes, what: "failed sign-ins").reason, notice: nil)
                .response(status: .tooManyRequests).retrying(after: decision)
        }
        let customer = try await CustomerDirectory.find(email: email, on: req.db)
        let hash = customer?.passwordHash ?? req.application.decoyPasswordHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let customer, customer.passwordHash != nil, matches else {
            return page(req, email: email, message: "That email and password do not match. Leave the password empty to get a sign-in link instead.", notice: nil)
                .response(status: .unauthorized)
        }
        let response = req.redirect(to: WebRoute.portal(.home))
        try await SignInController.startSession(req, response: response, userId: nil, customerId: customer.requireID())
        try await PasswordAttempts.succeeded(account: account, address: address, on: req)
        return response
    }

    /// `GET /portal/link/:token`: a button, not an instant sign-in, so that mail scanners that
    /// follow links do not use the link up.
    @Sendable static func confirm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        return Layout.plain(req, title: "Sign in", body: """
            <main id="main" class="card narrow">
              <p class="brand-mark">Customer portal</p>
              <h1>Sign in to see your requests</h1>
              <form method="post" action="\(WebRoute.portal(.link(.value(token))))">\(req.csrfField)
                <button type="submit" class="wide">Continue to my requests</button></form>
            </main>
            """).response()
    }

    @Sendable static func useLink(req: Request) async throws -> Response {
        let hash = WebSecret.hash(req.parameters.get("token") ?? "")
        let now = req.now
        // Marked used by one conditional update, and acted on only if it changed the row: two
        // requests with one link, even at once on PostgreSQL, sign in once.
        let customerId = try await req.write { db -> UUID? in
            try await db.sql.raw("""
                UPDATE portal_links SET used_at = \(bind: now)
                WHERE token_hash = \(bind: hash) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING customer_id
                """).first()?.decode(column: "customer_id", as: UUID.self)
        }
        guard let customerId else {
            return page(req, email: "", message: "That sign-in link has expired or has been used. Ask for a new one below.", notice: nil)
                .response(status: .gone)
        }
        let response = req.redirect(to: WebRoute.portal(.home))
        try await SignInController.startSession(req, response: response, userId: nil, customerId: customerId)
        return response
    }

    static func page(_ req: Request, email: String, message: String?, notice: String?) -> Markup {
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let info: Markup = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        return Layout.plain(req, title: "Customer portal", bodyClass: "plain signin", body: """
            <main id="main" class="card narrow">
              <p class="brand-mark">Customer portal</p>
              <h1>See and answer your requests</h1>
              \(error)\(info)
              <form method="post" action="\(WebRoute.portal(.signIn))" class="stack">
                \(req.csrfField)
                <label for="email">Your email address</label>
                <input id="email" name="email" type="email" autocomplete="email" required value="\(email)">
                <label for="password">Password <span class="muted small">(only if you have set one)</span></label>
                <input id="password" name="password" type="password" autocomplete="current-password">
                <button type="submit" class="wide">Email me a sign-in link</button>
              </form>
              <p class="small muted">No account needed: we send a link that signs you in once.
                 New here? <a href="\(WebRoute.contact)">Write to us</a>.</p>
            </main>
            """)
    }
}
