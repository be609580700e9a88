import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/coaching`: my sessions (as coach and as agent) and, for leads and up, the new
/// session form, the coaching queue, who has not been coached lately and coaching time against
/// the daily target, with agreed actions gone overdue. Rules and checks are `CoachingLog`'s.
enum CoachingPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let coach = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { id in
            // The new session's page; the list if the id did not come back.
            id.flatMap(UUID.init(uuidString:)).map { WebRoute.people(.coachingSession(.value($0))).link } ?? WebRoute.people(.coaching).link
        },
                                          page: { try await page(req, problem: $0) }) { db in
            let input = CoachingLog.SessionInput(
                agentId: try PeopleWeb.uuid(form["agent_id"], field: "agent_id"), on: form["on"],
                minutes: try PeopleWeb.int(form["minutes"], field: "minutes"), topics: topics(form["topics"]),
                ticketIds: try await PeopleWeb.ticketIds(form["tickets"], field: "tickets", on: db), notes: form["notes"],
                actions: try actions(form))
            return try await CoachingLog.create(input, coach: coach, on: db, now: req.now).requireID().uuidString
        }
    }

    /// "holds, de-escalation" → the topics.
    static func topics(_ raw: String?) -> [String] {
        (raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Agreed actions from the numbered rows `action_N`, `due_N` (and `action_id_N` when editing);
    /// a row left blank is no action (when editing: the action is removed).
    static func actions(_ form: [String: String]) throws -> [CoachingLog.ActionInput] {
        try (1...20).compactMap { n in
            let text = PeopleWeb.text(form["action_\(n)"])
            let due = PeopleWeb.text(form["due_\(n)"])
            guard text != nil || due != nil else { return nil }
            return CoachingLog.ActionInput(id: try PeopleWeb.uuid(form["action_id_\(n)"], field: "actions.id"), description: text ?? "", dueOn: due ?? "")
        }
    }

    /// The people a viewer may log coaching with: a lead's team members, or anyone for managers.
    static func coachees(of viewer: User, on db: any Database) async throws -> [User] {
        guard viewer.role >= .lead else { return [] }
        return try await PeopleWeb.visiblePeople(to: viewer, on: db).filter { $0.id != viewer.id }
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let me = try viewer.requireID()
        let sessions = try await CoachingLog.sessions(visibleTo: viewer, on: db)
        let asAgent = sessions.filter { $0.agentId == me }
        let asCoach = sessions.filter { $0.coachId == me }
        let others = viewer.role.managesPeople ? Array(sessions.filter { $0.agentId != me && $0.coachId != me }.prefix(20)) : []
        let dtos = Dictionary(uniqueKeysWithValues: try await CoachingPresenter.dtos(Array(asAgent.prefix(30) + asCoach.prefix(30) + others), on: db, today: Days.day(of: req.now)).map { ($0.id, $0) })
        let names = try await PeopleWeb.names(sessions.flatMap { [$0.coachId, $0.agentId] }, on: db)
        func table(_ list: [CoachingSession], caption: String, empty: String) throws -> Markup {
            let rows: [Markup] = try list.prefix(30).compactMap { dtos[try $0.requireID()] }.map { session in
                let ack: Markup = session.acknowledgedAt == nil ? "<span class=\"badge warn\">Not acknowledged</span>" : "<span class=\"badge ok\">Acknowledged</span>"
                let overdue: Markup = session.overdueActions > 0 ? " <span class=\"badge warn\">\(session.overdueActions) overdue</span>" : .empty
                return """
                    <tr><td><a href="\(WebRoute.people(.coachingSession(.value(session.id))))">\(PeopleWeb.day(session.on))</a></td><td>\(names[session.coachId] ?? "")</td>\
                    <td>\(names[session.agentId] ?? "")</td><td class="num">\(session.minutes) min</td><td>\(session.topics.joined(separator: ", "))</td>\
                    <td>\(ack)\(overdue)</td></tr>
                    """
            }
            let none: Markup = "<tr class=\"empty\"><td colspan=\"6\">\(empty)</td></tr>"
            return """
                <h2>\(caption)</h2>
                <table class="tickets"><thead><tr><th scope="col">Day</th><th scope="col">Coach</th><th scope="col">Agent</th><th scope="col" class="num">Time</th><th scope="col">Topics</th><th scope="col">State</th></tr></thead>
                <tbody>\(rows.isEmpty ? [none] : rows)</tbody></table>
                """
        }
        var main: Markup = """
            <div class="page-head"><h1>Coaching</h1></div>
            <p class="lead">Coaching notes are private to the coach, the agent and their managers.</p>
            \(try table(asAgent, caption: "Coaching I received", empty: "No sessions yet."))
            """
        if viewer.role >= .lead {
            main = """
                \(main)
                \(try table(asCoach, caption: "Coaching I gave", empty: "You have not logged a session yet."))
                \(try await CoachingLeadPanels.newSession(req, viewer: viewer, problem: problem))
                \(try await CoachingLeadPanels.reports(req, viewer: viewer))
                """
        }
        if !others.isEmpty { main = "\(main)\(try table(others, caption: "Other recent sessions", empty: ""))" }
        return try await PeopleWeb.page(req, active: "people-coaching", title: "Coaching", main: main)
    }
}
