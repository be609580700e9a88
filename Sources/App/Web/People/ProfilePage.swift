import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/{userID}` and `/desk/people/me`: the hub of a person's growth. Everyone on staff
/// sees the kudos wall, projects and career moves; learning, skills, coaching received and the
/// team-role result show only to those the API shows them to (see `PersonProfile`).
enum ProfilePage {
    @Sendable static func me(req: Request) async throws -> Response {
        req.redirect(to: WebRoute.people(.profile(.value(try req.deskUser().requireID()))))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let userId = try req.id("userID", of: "person")
        let profile = try await PersonProfile.load(userId, viewer: viewer, on: req.db, today: Days.day(of: req.now))
        let db = req.db
        let ticketIds = profile.kudos.compactMap(\.ticketId) + (profile.learning ?? []).compactMap(\.ticketId)
        let numbers = try await PeopleWeb.ticketNumbers(ticketIds, on: db)
        let coachIds = (profile.coachingReceived ?? []).map(\.coachId)
        let names = try await PeopleWeb.names(coachIds + profile.projects.map(\.leadId), on: db)
        let isMe = userId == viewer.id
        let title = isMe ? "My profile" : profile.user.name
        let teams = profile.teams.isEmpty ? "No team" : profile.teams.joined(separator: ", ")
        let give: Markup = isMe ? .empty : "<a class=\"button\" href=\"\(WebRoute.people(.kudos).query(["to": userId]).fragment("give"))\">Give kudos</a>"
        let main: Markup = """
            <div class="page-head"><h1>\(profile.user.name)</h1>\(give)</div>
            <p class="meta"><strong>\(profile.user.role.rawValue.capitalized)</strong> · \(teams)</p>
            <div class="people-grid">
              \(kudosWall(profile, numbers: numbers, now: req.now))
              \(learning(profile, numbers: numbers))
              \(skills(profile, isMe: isMe))
              \(projects(profile, names: names))
              \(coaching(profile, names: names))
              \(roleProfile(profile, isMe: isMe, now: req.now))
              \(careers(profile))
            </div>
            """
        return try await PeopleWeb.page(req, active: isMe ? "people-me" : "", title: title, main: main).response()
    }

    private static func kudosWall(_ profile: PersonProfile, numbers: [UUID: Int], now: Date) -> Markup {
        let items: [Markup] = profile.kudos.map { KudosMarkup.card($0, numbers: numbers, now: now) }
        let empty: Markup = "<p class=\"muted\">No kudos yet.</p>"
        return """
            <section class="panel" aria-labelledby="kudos-h"><h2 id="kudos-h">Kudos wall <span class="count">\(profile.kudosCount)</span></h2>
            \(items.isEmpty ? empty : "<ul class=\"kudos-list\">\(items)</ul>")</section>
            """
    }

    private static func learning(_ profile: PersonProfile, numbers: [UUID: Int]) -> Markup {
        guard let entries = profile.learning else { return .empty }
        // Learning over time: entries per month, newest month first.
        let byMonth = Dictionary(grouping: entries) { String(Days.day(of: $0.createdAt).prefix(7)) }
        let months: [Markup] = byMonth.keys.sorted(by: >).prefix(12).map { month in
            "<li><span class=\"month\">\(month)</span> <span class=\"bar-count\">\(byMonth[month]?.count ?? 0)</span></li>"
        }
        let recent: [Markup] = entries.prefix(5).map { entry in
            "<li><span class=\"badge\">\(PeopleWeb.words(entry.about.rawValue))</span> \(entry.text) \(PeopleWeb.ticketLink(entry.ticketId, numbers))</li>"
        }
        let empty: Markup = "<p class=\"muted\">Nothing logged yet.</p>"
        return """
            <section class="panel" aria-labelledby="learning-h"><h2 id="learning-h">Learning over time</h2>
            \(entries.isEmpty ? empty : "<ul class=\"plain-list months\">\(months)</ul><h3>Recent</h3><ul class=\"plain-list\">\(recent)</ul>")
            <p class="small"><a href="\(WebRoute.people(.learning).query(["user_id": profile.user.id]))">Whole learning log</a></p></section>
            """
    }

    private static func skills(_ profile: PersonProfile, isMe: Bool) -> Markup {
        guard let skills = profile.skills else { return .empty }
        let rows: [Markup] = skills.map { skill in
            let confirmed = skill.confirmedLevel.map { String($0) } ?? "–"
            return "<tr><td>\(skill.name)</td><td>\(PeopleWeb.words(skill.kind.rawValue))</td><td class=\"num\">\(skill.level)</td><td class=\"num\">\(confirmed)</td></tr>"
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"4\">No skills assessed yet.</td></tr>"
        return """
            <section class="panel" aria-labelledby="skills-h"><h2 id="skills-h">Skills matrix</h2>
            <table class="tickets"><thead><tr><th scope="col">Skill</th><th scope="col">Kind</th><th scope="col" class="num">Self</th><th scope="col" class="num">Confirmed</th></tr></thead>
            <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            <p class="small"><a href="\(WebRoute.people(.skills).query(["user_id": profile.user.id]))">\(isMe ? "Assess my skills" : "Skills page")</a></p></section>
            """
    }

    private static func projects(_ profile: PersonProfile, names: [UUID: String]) -> Markup {
        let userId = profile.user.id
        let items: [Markup] = profile.projects.map { project in
            let role = project.members.first { $0.userId == userId }?.role.rawValue ?? "volunteer"
            let outcome: Markup = project.outcome.map { "<br><span class=\"small\">Outcome: \($0)</span>" } ?? .empty
            return "<li><strong>\(project.title)</strong> <span class=\"badge\">\(PeopleWeb.words(project.status.rawValue))</span> <span class=\"muted small\">as \(role)</span>\(outcome)</li>"
        }
        let empty: Markup = "<p class=\"muted\">Not on a project yet.</p>"
        return """
            <section class="panel" aria-labelledby="projects-h"><h2 id="projects-h">Projects</h2>
            \(items.isEmpty ? empty : "<ul class=\"plain-list\">\(items)</ul>")</section>
            """
    }

    private static func coaching(_ profile: PersonProfile, names: [UUID: String]) -> Markup {
        guard let sessions = profile.coachingReceived else { return .empty }
        let rows: [Markup] = sessions.prefix(10).map { session in
            let ack: Markup = session.acknowledgedAt == nil ? "<span class=\"badge warn\">Not acknowledged</span>" : "<span class=\"badge ok\">Acknowledged</span>"
            return """
                <tr><td><a href="\(WebRoute.people(.coachingSession(.value(session.id))))">\(PeopleWeb.day(session.on))</a></td><td>\(names[session.coachId] ?? "")</td>\
                <td class="num">\(session.minutes) min</td><td>\(session.topics.joined(separator: ", "))</td><td>\(ack)</td></tr>
                """
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"5\">No coaching sessions you can see.</td></tr>"
        return """
            <section class="panel wide" aria-labelledby="coaching-h"><h2 id="coaching-h">Coaching received</h2>
            <p class="small muted">Private to the coach, the agent and their managers.</p>
            <table class="tickets"><thead><tr><th scope="col">Day</th><th scope="col">Coach</th><th scope="col" class="num">Time</th><th scope="col">Topics</th><th scope="col">State</th></tr></thead>
            <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table></section>
            """
    }

    private static func roleProfile(_ profile: PersonProfile, isMe: Bool, now: Date) -> Markup {
        guard profile.roleProfileVisible else { return .empty }
        guard let result = profile.roleProfile else {
            let link: Markup = isMe ? " <a href=\"\(WebRoute.people(.roleProfile))\">Answer the questionnaire</a>" : .empty
            return "<section class=\"panel\"><h2>Team-role profile</h2><p class=\"muted\">Not answered yet.\(link)</p></section>"
        }
        return "<section class=\"panel\"><h2>Team-role profile</h2>\(RoleProfilePage.result(result, now: now))</section>"
    }

    private static func careers(_ profile: PersonProfile) -> Markup {
        let items: [Markup] = profile.careerMoves.map { CareersPage.move($0) }
        let empty: Markup = "<p class=\"muted\">No career moves recorded.</p>"
        return """
            <section class="panel" aria-labelledby="careers-h"><h2 id="careers-h">Career moves</h2>
            \(items.isEmpty ? empty : "<ul class=\"plain-list\">\(items)</ul>")</section>
            """
    }
}
