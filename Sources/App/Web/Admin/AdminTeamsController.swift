import Fluent
import Vapor

/// `/admin/teams`: teams and who is in them.
enum AdminTeamsController {
    struct TeamForm: Content {
        let name: String?
        let description: String?
    }

    struct MemberForm: Content {
        let userId: String?

        enum CodingKeys: String, CodingKey {
            case userId = "user_id"
        }
    }

    @Sendable static func list(req: Request) async throws -> Response {
        try await page(req, message: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(TeamForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { return try await page(req, message: "A team needs a name of 1 to 100 characters.").response(status: .unprocessableEntity) }
        do {
            try await req.write { db in
                if try await Team.query(on: db).filter(\.$name == name).first() != nil {
                    throw RequestError.conflict("A team named \(name) already exists.")
                }
                let description = form.description.flatMap { $0.isEmpty ? nil : $0 }
                let team = Team(name: name, description: description, at: req.now)
                try await team.create(on: db)
                try await AuditLog.record(
                    .teamCreated, by: .init(try req.deskUser()), subject: "team", id: team.id?.uuidString, after: AuditSnapshot.Team(team), at: req.now, on: db)
            }
        } catch let error as RequestError {
            return try await page(req, message: error.reason).response(status: error.status)
        }
        return req.redirect(to: WebRoute.admin(.teams))
    }

    @Sendable static func addMember(req: Request) async throws -> Response {
        let teamId = try req.id("teamID", of: "team")
        let form = try req.content.decode(MemberForm.self)
        guard let userId = form.userId.flatMap(UUID.init(uuidString:)) else {
            return try await page(req, message: "Pick a person to add.").response(status: .unprocessableEntity)
        }
        try await req.write { db in
            guard try await Team.find(teamId, on: db) != nil, try await User.find(userId, on: db) != nil else {
                throw WebError.notFound("team or person")
            }
            if try await TeamMembership.query(on: db).filter(\.$teamId == teamId).filter(\.$userId == userId).first() == nil {
                try await TeamMembership(teamId: teamId, userId: userId, at: req.now).create(on: db)
                try await AuditLog.record(
                    .teamMemberAdded, by: .init(try req.deskUser()), subject: "team", id: teamId.uuidString,
                    after: AuditSnapshot.Membership(teamId: teamId, userId: userId), at: req.now, on: db)
            }
        }
        return req.redirect(to: WebRoute.admin(.teams))
    }

    @Sendable static func removeMember(req: Request) async throws -> Response {
        let teamId = try req.id("teamID", of: "team")
        let userId = try req.id("userID", of: "user")
        try await req.write { db in
            guard let membership = try await TeamMembership.query(on: db).filter(\.$teamId == teamId).filter(\.$userId == userId).first() else { return }
            try await membership.delete(on: db)
            try await AuditLog.record(
                .teamMemberRemoved, by: .init(try req.deskUser()), subject: "team", id: teamId.uuidString,
                before: AuditSnapshot.Membership(teamId: teamId, userId: userId), at: req.now, on: db)
        }
        return req.redirect(to: WebRoute.admin(.teams))
    }

    private static func page(_ req: Request, message: String?) async throws -> Markup {
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: "admin-teams")
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let users = try await User.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
        let memberships = try await TeamMembership.query(on: req.db).all()
        let byTeam = Dictionary(grouping: memberships, by: \.teamId)
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, u.name) } })
        let sections: [Markup] = teams.map { team in
            let id = team.id ?? UUID()
            let memberIds = (byTeam[id] ?? []).map(\.userId)
            let members: [Markup] = memberIds.compactMap { userId in
                names[userId].map { name in
                    """
                    <li>\(name) <form method="post" action="\(WebRoute.admin(.removeTeamMember(team: .value(id), user: .value(userId))))" class="inline">\(req.csrfField)
                      <button class="link danger" type="submit" aria-label="Remove \(name) from \(team.name)">Remove</button></form></li>
                    """
                }
            }
            let candidates = users.filter { !memberIds.contains($0.id ?? UUID()) }.map { ($0.id?.uuidString ?? "", $0.name) }
            return """
                <section class="panel inline-panel">
                  <h2>\(team.name) <span class="muted small">\(memberIds.count) people</span></h2>
                  <p class="muted small">\(team.teamDescription ?? "")</p>
                  <ul class="plain-list columns">\(members.isEmpty ? ["<li class=\"muted\">Nobody yet</li>"] : members)</ul>
                  <form method="post" action="\(WebRoute.admin(.teamMembers(.value(id))))" class="form-row">\(req.csrfField)
                    <label for="add-\(id)">Add to \(team.name)</label>
                    <select id="add-\(id)" name="user_id">\(Format.options(candidates, selected: nil))</select>
                    <button type="submit" class="secondary">Add</button>
                  </form>
                </section>
                """
        }
        return Layout.desk(req, frame, title: "Teams", main: """
            <div class="page-head"><h1>Teams</h1></div>
            \(AdminPage.messages(message: message, notice: nil))
            \(sections)
            <section class="panel inline-panel">
              <h2>New team</h2>
              <form method="post" action="\(WebRoute.admin(.teams))" class="grid-form">\(req.csrfField)
                <div><label for="team-name">Name</label><input id="team-name" name="name" required maxlength="100"></div>
                <div><label for="team-description">Description</label><input id="team-description" name="description"></div>
                <div class="end"><button type="submit">Create team</button></div>
              </form>
            </section>
            """)
    }
}
