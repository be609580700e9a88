import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/coaching/{sessionID}`: one session for the coach, the agent and managers (404 to
/// anyone else): notes, topics, tickets, agreed actions with "done" buttons, the agent's
/// acknowledgement with their own view, and the edit form for the coach or a manager.
enum CoachingSessionPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, id: try req.id("sessionID", of: "coaching session"), problem: nil).response()
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("sessionID", of: "coaching session")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "edit", values: form, success: { _ in WebRoute.people(.coachingSession(.value(id))).link },
                                          page: { try await page(req, id: id, problem: $0) }) { db in
            let changes = CoachingLog.SessionChanges(
                on: form["on"] ?? "", minutes: try PeopleWeb.int(form["minutes"], field: "minutes") ?? 0,
                topics: CoachingPage.topics(form["topics"]), ticketIds: try await PeopleWeb.ticketIds(form["tickets"], field: "tickets", on: db),
                notes: form["notes"] ?? "", actions: try CoachingPage.actions(form))
            _ = try await CoachingLog.update(id, changes, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func acknowledge(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("sessionID", of: "coaching session")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "acknowledge", values: form, success: { _ in WebRoute.people(.coachingSession(.value(id))).link },
                                          page: { try await page(req, id: id, problem: $0) }) { db in
            _ = try await CoachingLog.acknowledge(id, view: form["agent_view"], by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func actionDone(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("sessionID", of: "coaching session")
        let actionId = try req.id("actionID", of: "agreed action")
        _ = try await req.write { db in try await CoachingLog.markDone(id, action: actionId, by: viewer, on: db, now: req.now) }
        return req.redirect(to: WebRoute.people(.coachingSession(.value(id))).fragment("actions"))
    }

    /// Numbered rows for agreed actions: the existing ones (with their ids) and `blank` new ones.
    static func actionRows(problem: FormProblem?, form: String, existing: [CoachingSessionDTO.Action], blank: Int) -> Markup {
        let rows: [Markup] = (0..<(existing.count + blank)).map { index in
            let n = index + 1
            let action = index < existing.count ? existing[index] : nil
            let hidden: Markup = action.map { "<input type=\"hidden\" name=\"action_id_\(n)\" value=\"\($0.id)\">" } ?? .empty
            return """
                <div class="grid-form action-row">\(hidden)
                  <div class="grow"><label for="\(form)-action-\(n)">Agreed action \(n)</label><input id="\(form)-action-\(n)" name="action_\(n)" maxlength="500" value="\(FormProblem.value(problem, form, "action_\(n)", action?.description ?? ""))"></div>
                  <div><label for="\(form)-due-\(n)">Due</label><input id="\(form)-due-\(n)" name="due_\(n)" type="date" value="\(FormProblem.value(problem, form, "due_\(n)", action?.dueOn ?? ""))"></div>
                </div>
                """
        }
        return "<fieldset class=\"actions\"><legend>Agreed actions (each with a due date; clear a row to remove it)</legend>\(rows)</fieldset>"
    }

    private static func page(_ req: Request, id: UUID, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let session = try await CoachingPresenter.dto(try await CoachingLog.visibleSession(id, viewer: viewer, on: db), on: db, today: Days.day(of: req.now))
        let names = try await PeopleWeb.names([session.coachId, session.agentId] + session.actions.compactMap(\.doneBy), on: db)
        let numbers = try await PeopleWeb.ticketNumbers(session.ticketIds, on: db)
        let isCoach = session.coachId == viewer.id, isAgent = session.agentId == viewer.id
        let mayEdit = isCoach || viewer.role.managesPeople

        let actions: [Markup] = session.actions.map { action in
            let due = action.dueOn.map { "due \(PeopleWeb.day($0))" } ?? "no due date"
            let state: Markup
            if let doneAt = action.doneAt {
                state = "<span class=\"badge ok\">Done</span> <span class=\"small muted\">by \(action.doneBy.flatMap { names[$0] } ?? "") \(Format.time(doneAt, now: req.now))</span>"
            } else if isCoach || isAgent {
                let overdue: Markup = action.overdue ? "<span class=\"badge warn\">Overdue</span> " : .empty
                state = "\(overdue)<form method=\"post\" action=\"\(WebRoute.people(.sessionActionDone(session: .value(session.id), action: .value(action.id))))\" class=\"inline\">\(req.csrfField)<button type=\"submit\" class=\"secondary\">Mark done</button></form>"
            } else {
                state = action.overdue ? "<span class=\"badge warn\">Overdue</span>" : "<span class=\"badge\">Open</span>"
            }
            return "<li><strong>\(action.description)</strong> <span class=\"muted\">(\(due))</span> \(state)</li>"
        }
        let tickets: [Markup] = session.ticketIds.map { PeopleWeb.ticketLink($0, numbers) }
        let ack: Markup
        if let at = session.acknowledgedAt {
            ack = "<p><span class=\"badge ok\">Acknowledged</span> \(Format.time(at, now: req.now))</p>"
        } else {
            ack = "<p><span class=\"badge warn\">Not acknowledged yet</span></p>"
        }
        let view: Markup = session.agentView.map { "<blockquote class=\"agent-view\">\($0)</blockquote>" } ?? "<p class=\"muted\">No view added.</p>"
        let ackForm: Markup = isAgent ? """
            \(FormProblem.alert(problem, "acknowledge"))
            <form method="post" action="\(WebRoute.people(.acknowledgeSession(.value(session.id))))" class="stack">\(req.csrfField)
              <label for="agent-view">Your own view of the session (optional)</label>
              <textarea id="agent-view" name="agent_view" rows="3">\(FormProblem.value(problem, "acknowledge", "agent_view", session.agentView ?? ""))</textarea>
              <button type="submit">\(session.acknowledgedAt == nil ? "Acknowledge" : "Update my view")</button>
            </form>
            """ : .empty
        let editForm: Markup = mayEdit ? """
            <section class="panel inline-panel" aria-labelledby="edit-h"><details\(problem?.form == "edit" ? " open" : "")><summary id="edit-h">Edit this session</summary>
              \(FormProblem.alert(problem, "edit"))
              <form method="post" action="\(WebRoute.people(.coachingSession(.value(session.id))))" class="stack">\(req.csrfField)
                <div class="grid-form">
                  <div><label for="edit-on">Day</label><input id="edit-on" name="on" type="date" required value="\(FormProblem.value(problem, "edit", "on", session.on))"></div>
                  <div><label for="edit-minutes">Minutes</label><input id="edit-minutes" name="minutes" inputmode="numeric" required value="\(FormProblem.value(problem, "edit", "minutes", String(session.minutes)))"></div>
                  <div><label for="edit-tickets">Tickets discussed (numbers)</label><input id="edit-tickets" name="tickets" value="\(FormProblem.value(problem, "edit", "tickets", session.ticketIds.compactMap { numbers[$0].map(String.init) }.joined(separator: ", ")))"></div>
                </div>
                <label for="edit-topics">Topics (comma-separated)</label><input id="edit-topics" name="topics" value="\(FormProblem.value(problem, "edit", "topics", session.topics.joined(separator: ", ")))">
                <label for="edit-notes">Notes (private)</label><textarea id="edit-notes" name="notes" rows="4">\(FormProblem.value(problem, "edit", "notes", session.notes ?? ""))</textarea>
                \(actionRows(problem: problem, form: "edit", existing: session.actions, blank: 2))
                <button type="submit">Save changes</button>
              </form></details>
            </section>
            """ : .empty
        let noActions: Markup = "<p class=\"muted\">No agreed actions.</p>"
        let notes: Markup = session.notes.map { "<div class=\"callout\"><strong>Notes</strong><p>\($0)</p></div>" } ?? .empty
        let title = "Coaching on \(PeopleWeb.day(session.on))"
        return try await PeopleWeb.page(req, active: "people-coaching", title: title, main: """
            <p class="crumbs"><a href="\(WebRoute.people(.coaching))">Coaching</a></p>
            <div class="page-head"><h1>\(title)</h1></div>
            <p class="meta"><strong>\(names[session.coachId] ?? "")</strong> coached <strong><a href="\(WebRoute.people(.profile(.value(session.agentId))))">\(names[session.agentId] ?? "")</a></strong> for \(session.minutes) minutes. \
            Topics: \(session.topics.isEmpty ? "none" : session.topics.joined(separator: ", ")). \(tickets.isEmpty ? "" : "Tickets: ")\(Markup.join(tickets.map { "\($0) " }))</p>
            <p class="small muted">Private to the coach, the agent and their managers.</p>
            \(notes)
            <section class="panel inline-panel" id="actions" aria-labelledby="actions-h"><h2 id="actions-h">Agreed actions</h2>
              \(actions.isEmpty ? noActions : "<ul class=\"plain-list actions\">\(actions)</ul>")</section>
            <section class="panel inline-panel" aria-labelledby="ack-h"><h2 id="ack-h">The agent's view</h2>\(ack)\(view)\(ackForm)</section>
            \(editForm)
            """)
    }
}
