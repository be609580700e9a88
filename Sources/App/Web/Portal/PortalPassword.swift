import Fluent
import Vapor

/// A signed-in customer sets (or changes) a password, to sign in without waiting for a link.
enum PortalPassword {
    struct PasswordForm: Content {
        let password: String?
        let confirm: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let customer = try PortalController.portalCustomer(req)
        return try await page(req, customer: customer, message: nil, saved: false).response()
    }

    @Sendable static func set(req: Request) async throws -> Response {
        let customer = try PortalController.portalCustomer(req)
        let form = try req.content.decode(PasswordForm.self)
        let password = form.password ?? ""
        guard password == (form.confirm ?? "") else {
            return try await page(req, customer: customer, message: "The two passwords are not the same.", saved: false)
                .response(status: .unprocessableEntity)
        }
        guard StaffDirectory.passwordBytes.contains(password.utf8.count) else {
            return try await page(req, customer: customer, message: "Use 8 to 72 characters.", saved: false)
                .response(status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let customerId = try customer.requireID()
        let current = AccessRevocation.Current(of: req)
        try await req.write { db in
            guard let stored = try await Customer.find(customerId, on: db) else { throw RequestError.notFound("customer") }
            stored.passwordHash = hash
            stored.updatedAt = req.now
            try await stored.save(on: db)
            // Whoever knew the old password is signed out everywhere but here.
            try await AccessRevocation.revoke(.customer(customerId), keeping: current, on: db)
        }
        return try await page(req, customer: customer, message: nil, saved: true).response()
    }

    private static func page(_ req: Request, customer: Customer, message: String?, saved: Bool) async throws -> Markup {
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let notice: Markup = saved ? "<p class=\"notice\" role=\"status\">Your password is saved. You can sign in with it from now on.</p>" : .empty
        return try await PortalPages.frame(req, customer: customer, title: "Your password", main: """
            <div class="card">
              <h1>Your password</h1>
              <p>Set a password to sign in without waiting for a link. You can always ask for a link instead.</p>
              \(error)\(notice)
              <form method="post" action="\(WebRoute.portal(.password))" class="stack">\(req.csrfField)
                <label for="password">New password (8 characters or more)</label>
                <input id="password" name="password" type="password" required minlength="8" maxlength="72" autocomplete="new-password">
                <label for="confirm">The same password again</label>
                <input id="confirm" name="confirm" type="password" required minlength="8" maxlength="72" autocomplete="new-password">
                <button type="submit">Save password</button>
              </form>
            </div>
            """)
    }
}
