import Fluent
import Vapor

/// `/admin/tokens`: API tokens for staff. A new token is shown once, on the page that made it;
/// only its hash is kept.
enum AdminTokensController {
    struct TokenForm: Content {
        let userId: String?
        let label: String?

        enum CodingKeys: String, CodingKey {
            case userId = "user_id", label
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        return try await page(req, created: nil, message: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let admin = try AdminPage.requireAdmin(req)
        let form = try req.content.decode(TokenForm.self)
        let label = (form.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let userId = form.userId.flatMap(UUID.init(uuidString:)), (1...100).contains(label.count) else {
            return try await page(req, created: nil, message: "Pick a person and give the token a label (what will use it).")
                .response(status: .unprocessableEntity)
        }
        let (token, hash) = APIToken.generate()
        try await req.write { db in
            guard let user = try await User.find(userId, on: db), user.active else { throw WebError.notFound("active user") }
            let token = APIToken(tokenHash: hash, label: label, userId: userId, customerId: nil, at: req.now)
            try await token.create(on: db)
            try await AuditLog.record(.tokenCreated, by: .init(admin), subject: "token", id: token.id?.uuidString, after: AuditSnapshot.Token(token), at: req.now, on: db)
        }
        return try await page(req, created: token, message: nil).response(status: .created)
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        let admin = try AdminPage.requireAdmin(req)
        let id = try req.id("tokenID", of: "token")
        try await req.write { db in
            guard let token = try await APIToken.find(id, on: db) else { return }
            try await token.delete(on: db)
            try await AuditLog.record(.tokenRevoked, by: .init(admin), subject: "token", id: id.uuidString, before: AuditSnapshot.Token(token), at: req.now, on: db)
        }
        return req.redirect(to: WebRoute.admin(.tokens))
    }

    private static func page(_ req: Request, created: String?, message: String?) async throws -> Markup {
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: "admin-tokens")
        let tokens = try await APIToken.query(on: req.db).filter(\.$userId != nil).sort(\.$createdAt, .descending).all()
        let users = try await User.query(on: req.db).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, u.name) } })
        let rows: [Markup] = tokens.map { token in
            """
            <tr><td>\(token.label)</td><td>\(token.userId.flatMap { names[$0] } ?? "")</td>
              <td>\(Format.time(token.createdAt, now: req.now))</td>
              <td><form method="post" action="\(WebRoute.admin(.revokeToken(.value(token.id ?? UUID()))))" class="inline">\(req.csrfField)
                <button class="link danger" type="submit">Revoke</button></form></td></tr>
            """
        }
        let shown: Markup = created.map { token in
            """
            <div class="notice strong" role="status">
              <p><strong>Copy this token now.</strong> It is shown only once; Frontline keeps only a hash of it.</p>
              <p><code class="token" data-token>\(token)</code></p>
            </div>
            """
        } ?? .empty
        let people = users.filter(\.active).map { ($0.id?.uuidString ?? "", $0.name) }
        return Layout.desk(req, frame, title: "API tokens", main: """
            <div class="page-head"><h1>API tokens</h1></div>
            \(shown)
            \(AdminPage.messages(message: message, notice: nil))
            <table class="tickets admin"><caption class="visually-hidden">API tokens of staff</caption>
              <thead><tr><th scope="col">Label</th><th scope="col">Acts as</th><th scope="col">Created</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>\(rows)</tbody></table>
            <section class="panel inline-panel">
              <h2>New token</h2>
              <form method="post" action="\(WebRoute.admin(.tokens))" class="grid-form">\(req.csrfField)
                <div><label for="token-user">Acts as</label><select id="token-user" name="user_id">\(Format.options(people, selected: nil))</select></div>
                <div><label for="token-label">Label</label><input id="token-label" name="label" required maxlength="100" placeholder="CRM sync"></div>
                <div class="end"><button type="submit">Create token</button></div>
              </form>
            </section>
            """)
    }
}
