import Fluent
import FrontlineCore
import Vapor

/// `/admin/users`: staff accounts. Managers and admins; only admins create or change admins
/// (the same rule as the API, `StaffDirectory.mayManage`).
enum AdminUsersController {
    struct CreateForm: Content {
        let name: String?
        let email: String?
        let role: String?
        let password: String?
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await page(req, message: nil, notice: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.deskUser()
        let form = try req.content.decode(CreateForm.self)
        do {
            guard let role = UserRole(rawValue: form.role ?? "") else { throw RequestError.invalid("role", "Pick a role.") }
            guard StaffDirectory.mayManage(role, as: actor) else { throw RequestError.forbidden("Only an admin can create an admin.") }
            var hash: String?
            if let password = form.password, !password.isEmpty {
                try StaffDirectory.checkPassword(password)
                hash = try await req.password.async.hash(password)
            }
            let user = try await req.write { [hash] db in
                let user = try await StaffDirectory.create(email: form.email ?? "", name: form.name ?? "", role: role, passwordHash: hash, on: db, at: req.now)
                try await AuditLog.record(.userCreated, by: .init(actor), subject: "user", id: user.id?.uuidString, after: AuditSnapshot.User(user), at: req.now, on: db)
                return user
            }
            return try await page(req, message: nil, notice: "\(user.name) can now sign in as \(role.rawValue).").response(status: .created)
        } catch let error as RequestError {
            return try await page(req, message: error.reason, notice: nil).response(status: error.status)
        }
    }

    @Sendable static func toggleActive(req: Request) async throws -> Response {
        let actor = try req.deskUser()
        let id = try req.id("userID", of: "user")
        try await req.write { db in
            guard let user = try await User.find(id, on: db) else { throw WebError.notFound("user") }
            guard StaffDirectory.mayManage(user.role, as: actor), user.id != actor.id else {
                throw WebError.forbidden("You cannot change this account.")
            }
            let before = AuditSnapshot.User(user)
            user.active.toggle()
            user.updatedAt = req.now
            try await user.save(on: db)
            try await AuditLog.recordUserChange(before: before, after: AuditSnapshot.User(user), by: .init(actor), userId: user.id, at: req.now, on: db)
            // As through the API: a deactivated person's tokens and sessions end now, so that
            // reactivating them later brings none of them back.
            if !user.active { try await AccessRevocation.revoke(.user(id), on: db) }
        }
        return req.redirect(to: WebRoute.admin(.users))
    }

    private static func page(_ req: Request, message: String?, notice: String?) async throws -> Markup {
        let actor = try req.deskUser()
        let frame = try await DeskFrame.load(req, user: actor, active: "admin-users")
        let users = try await User.query(on: req.db).sort(\.$name).all()
        let rows: [Markup] = users.map { user in
            let canChange = StaffDirectory.mayManage(user.role, as: actor) && user.id != actor.id
            let toggle: Markup = canChange ? """
                <form method="post" action="\(WebRoute.admin(.userActive(.value(user.id ?? UUID()))))" class="inline">\(req.csrfField)
                  <button class="link" type="submit">\(user.active ? "Deactivate" : "Reactivate")</button></form>
                """ : .empty
            let state: Markup = user.active ? "<span class=\"badge ok\">Active</span>" : "<span class=\"badge status-closed\">Deactivated</span>"
            return """
                <tr><td>\(user.name)</td><td>\(user.email)</td><td>\(user.role.rawValue.capitalized)</td><td>\(state)</td><td>\(toggle)</td></tr>
                """
        }
        let roles = UserRole.allCases.reversed().filter { StaffDirectory.mayManage($0, as: actor) }.map { ($0.rawValue, $0.rawValue.capitalized) }
        return Layout.desk(req, frame, title: "Users", main: """
            <div class="page-head"><h1>Users</h1></div>
            \(AdminPage.messages(message: message, notice: notice))
            <table class="tickets admin"><caption class="visually-hidden">Staff accounts</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>\(rows)</tbody></table>
            <section class="panel inline-panel">
              <h2>Add a person</h2>
              <form method="post" action="\(WebRoute.admin(.users))" class="grid-form">\(req.csrfField)
                <div><label for="new-name">Name</label><input id="new-name" name="name" required></div>
                <div><label for="new-email">Email</label><input id="new-email" name="email" type="email" required></div>
                <div><label for="new-role">Role</label><select id="new-role" name="role">\(Format.options(roles, selected: "agent"))</select></div>
                <div><label for="new-password">Password (8+ characters)</label><input id="new-password" name="password" type="password" minlength="8" autocomplete="new-password"></div>
                <div class="end"><button type="submit">Add person</button></div>
              </form>
            </section>
            """)
    }
}

/// Pieces the admin pages share.
enum AdminPage {
    static func messages(message: String?, notice: String?) -> Markup {
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let info: Markup = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        return "\(error)\(info)"
    }

    static func requireAdmin(_ req: Request) throws -> User {
        let user = try req.deskUser()
        guard user.role == .admin else { throw WebError.forbidden("Only admins manage API tokens and settings.") }
        return user
    }
}
