import Fluent
import FrontlineCore
import Vapor

/// The lead's part of the coaching page: the new-session form, the coaching queue, who has not
/// been coached lately, and coaching time against the target with overdue agreed actions.
enum CoachingLeadPanels {
    static func newSession(_ req: Request, viewer: User, problem: FormProblem?) async throws -> Markup {
        let people = try await CoachingPage.coachees(of: viewer, on: req.db)
        let value = { (name: String, fallback: String) in FormProblem.value(problem, "new", name, fallback) }
        let agent = value("agent_id", req.queryParameters["agent_id"] ?? "")
        return """
            <section class="panel inline-panel" id="new" aria-labelledby="new-h"><h2 id="new-h">Log a coaching session</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.coaching))" class="stack">\(req.csrfField)
                <div class="grid-form">
                  <div><label for="agent">With</label><select id="agent" name="agent_id" required>\(PeopleWeb.personOptions(people, selected: agent, blank: "Choose a person"))</select></div>
                  <div><label for="on">Day</label><input id="on" name="on" type="date" required value="\(value("on", Days.day(of: req.now)))"></div>
                  <div><label for="minutes">Minutes</label><input id="minutes" name="minutes" inputmode="numeric" required value="\(value("minutes", "30"))"></div>
                  <div><label for="tickets">Tickets discussed (numbers)</label><input id="tickets" name="tickets" placeholder="1042, 1077" value="\(value("tickets", req.queryParameters["tickets"] ?? ""))"></div>
                </div>
                <label for="topics">Topics (comma-separated)</label><input id="topics" name="topics" placeholder="holds, de-escalation" value="\(value("topics", ""))">
                <label for="notes">Notes (private)</label><textarea id="notes" name="notes" rows="3">\(value("notes", ""))</textarea>
                \(CoachingSessionPage.actionRows(problem: problem, form: "new", existing: [], blank: 3))
                <button type="submit">Log session</button>
              </form>
            </section>
            """
    }

    static func reports(_ req: Request, viewer: User) async throws -> Markup {
        let db = req.db
        let weeks = try PeopleWeb.int(req.queryParameters["weeks"], field: "weeks") ?? 4
        guard (1...104).contains(weeks) else { throw PeopleError.invalid(field: "weeks", reason: "weeks must be a whole number from 1 to 104") }
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        let period = try ReportPeriod.resolve(req)
        let queue = try await CoachingQueueController.items(visibleTo: viewer, on: db)
        let uncoached = try await CoachingQueueController.uncoached(scope: scope, weeks: weeks, on: db, now: req.now)
        let report = try await CoachingReport.build(scope: scope, period: period, viewer: viewer, today: Days.day(of: req.now), on: db)
        let names = try await PeopleWeb.names(queue.compactMap(\.agentId) + queue.map(\.raisedBy), on: db)

        let queueRows: [Markup] = queue.map { item in
            let agent: Markup = item.agentId.map { PeopleWeb.person($0, names) } ?? "<span class=\"muted\">Unassigned</span>"
            let start: Markup = item.agentId.map { "<a href=\"\(WebRoute.people(.coaching).query(["agent_id": $0, "tickets": item.ticketNumber]).fragment("new"))\">Discuss in a session</a>" } ?? .empty
            return "<tr><td><a href=\"\(WebRoute.desk(.ticket(.value(item.ticketNumber))))\">#\(item.ticketNumber)</a></td><td>\(agent)</td><td>\(item.reason)</td><td>\(names[item.raisedBy] ?? "")</td><td>\(start)</td></tr>"
        }
        let uncoachedItems: [Markup] = uncoached.people.map { person in
            let last = person.lastCoachedOn.map { "last coached \(PeopleWeb.day($0))" } ?? "never coached"
            return "<li><a href=\"\(WebRoute.people(.profile(.value(person.userId))))\">\(person.name)</a> <span class=\"muted\">(\(last))</span> <a href=\"\(WebRoute.people(.coaching).query(["agent_id": person.userId]).fragment("new"))\">Log a session</a></li>"
        }
        let coachRows: [Markup] = report.coaches.map { coach in
            let perDay = coach.minutesPerWorkingDay.map { PeopleWeb.minutes($0) } ?? "–"
            let state: Markup = coach.meetsTarget == true ? "<span class=\"badge ok\">On target</span>"
                : coach.meetsTarget == false ? "<span class=\"badge warn\">Below target</span>" : .empty
            return "<tr><td>\(coach.name)</td><td class=\"num\">\(coach.sessions)</td><td class=\"num\">\(perDay)</td><td class=\"num\">\(PeopleWeb.minutes(coach.minutesPerWeek))</td><td>\(state)</td></tr>"
        }
        let overdue: [Markup] = report.overdueActions.map { item in
            "<li><a href=\"\(WebRoute.people(.coachingSession(.value(item.sessionId))))\">\(item.description)</a> <span class=\"muted\">(\(item.agentName), due \(PeopleWeb.day(item.dueOn)))</span></li>"
        }
        let emptyQueue: Markup = "<tr class=\"empty\"><td colspan=\"5\">Nothing waiting. Send a ticket here from its page when it is worth discussing.</td></tr>"
        let allCoached: Markup = "<p class=\"muted\">Everyone was coached in the last \(weeks) weeks.</p>"
        let noOverdue: Markup = "<p class=\"muted\">No agreed action is overdue.</p>"
        return """
            <h2>Coaching queue</h2>
            <table class="tickets"><thead><tr><th scope="col">Ticket</th><th scope="col">Agent</th><th scope="col">Why</th><th scope="col">Sent by</th><th scope="col"><span class="visually-hidden">Start</span></th></tr></thead>
              <tbody>\(queueRows.isEmpty ? [emptyQueue] : queueRows)</tbody></table>
            <div class="two">
              <section class="panel"><h2>Not coached in \(weeks) weeks</h2>
                <form method="get" action="\(WebRoute.people(.coaching))" class="filters"><label for="weeks">Weeks</label><input id="weeks" name="weeks" inputmode="numeric" value="\(weeks)"><button type="submit" class="secondary">Show</button></form>
                \(uncoachedItems.isEmpty ? allCoached : "<ul class=\"plain-list\">\(uncoachedItems)</ul>")</section>
              <section class="panel"><h2>Agreed actions overdue</h2>\(overdue.isEmpty ? noOverdue : "<ul class=\"plain-list\">\(overdue)</ul>")</section>
            </div>
            <h2>Coaching time, \(PeopleWeb.day(report.from)) to \(PeopleWeb.day(report.to))</h2>
            <p class="meta">Target: \(PeopleWeb.minutes(report.targetMinutesPerDay)) a working day per coach.</p>
            <table class="tickets"><thead><tr><th scope="col">Coach</th><th scope="col" class="num">Sessions</th><th scope="col" class="num">Per working day</th><th scope="col" class="num">Per week</th><th scope="col">Against target</th></tr></thead>
              <tbody>\(coachRows)</tbody></table>
            """
    }
}
