import FrontlineCore
import Vapor

extension TicketDetailPage {
    func render(_ request: Request) -> Markup {
        let number = ticket.number
        let handoffBadge: Markup = ticket.handoffCount > 1
            ? "<span class=\"badge warn big\" title=\"Every hand-off is another person the customer has to wait for\">Handed off \(ticket.handoffCount) times</span>" : .empty
        let ownerLine: Markup = owner.map { "Owner <strong>\($0.name)</strong>" } ?? "<strong class=\"warn-text\">No owner yet</strong>"
        let teamLine: Markup = team.map { " · Team <strong>\($0.name)</strong>" } ?? .empty
        let context: Markup = lastHandoff.map { handoff in
            """
                <aside class="callout" aria-label="Hand-off context">
                  <strong>Context from \(handoff.actorName)</strong> \(Format.time(handoff.at, now: journey.now, zone: settings.zone))
                  <p>\(handoff.note)</p>
                </aside>
                """
        } ?? .empty
        return Layout.desk(request, frame, title: "#\(number) \(ticket.subject)", main: """
            <div class="ticket" data-ticket="\(number)" data-stream="\(WebRoute.desk(.ticketStream(.value(number))).query(["since": lastEventId]))"
                 data-presence-url="\(WebRoute.desk(.ticket(.value(number), .presence)))">
              <header class="ticket-head">
                <div>
                  <p class="crumbs muted small"><a href="\(WebRoute.desk(.view(.value(.open))))">All open</a> / #\(number)</p>
                  <h1><span class="muted">#\(number)</span> \(ticket.subject)</h1>
                  <p class="meta">\(Format.status(ticket.status)) \(Format.priority(ticket.priority)) \(ownerLine)\(teamLine)
                    · via \(ticket.channel.rawValue) · opened \(Format.time(ticket.createdAt, now: journey.now, zone: settings.zone))</p>
                </div>
                \(handoffBadge)
              </header>
              \(actionBar(request))
              <div class="collision" data-collision hidden role="status" aria-live="polite"></div>
              \(composedNow ? .empty : doneNotice)
              \(runaroundAlert)
              \(context)
              <div class="ticket-grid">
                <section class="timeline-col" aria-label="Timeline">
                  \(olderEntriesLink)
                  <ol class="timeline"\(timeline.isLatest ? " data-timeline" : "")>\(timeline.rendered(ticketId: ticket.id, zone: settings.zone, now: journey.now))</ol>
                  \(latestEntriesLink)
                  \(composedNow ? doneNotice : .empty)
                  \(composeForms(request))
                  \(afterTicketPanel(request))
                </section>
                <aside class="side" aria-label="Requester and ticket controls">
                  \(requesterPanel)
                  \(participantsPanel(request))
                  \(slaPanel)
                  \(promisesPanel(request))
                  \(runaroundPanel)
                  \(escalationsPanel(request))
                  \(callsPanel(request))
                  \(entitlementsPanel(request))
                </aside>
              </div>
            </div>
            """)
    }

    /// Above the timeline when it does not start at the ticket's first entry.
    var olderEntriesLink: Markup {
        guard let before = timeline.olderBefore else { return .empty }
        return "<p class=\"timeline-more\"><a href=\"\(WebRoute.desk(.ticket(.value(ticket.number))).query(["before": before]))\" rel=\"prev\">Older entries</a></p>"
    }

    /// Below an older part of the timeline: live entries only join the latest part.
    var latestEntriesLink: Markup {
        guard !timeline.isLatest else { return .empty }
        return "<p class=\"timeline-more\"><a href=\"\(WebRoute.desk(.ticket(.value(ticket.number))))\">Latest entries</a></p>"
    }

    func error(for form: FormProblem.Form) -> Markup {
        guard let problem, problem.form == form else { return .empty }
        return "<p class=\"form-error\" role=\"alert\" id=\"\(form.rawValue)-error\">\(problem.message)</p>"
    }

    func value(_ form: FormProblem.Form, _ field: String) -> String {
        guard let problem, problem.form == form else { return "" }
        return problem.values[field] ?? ""
    }

    private func composeForms(_ request: Request) -> Markup {
        let number = ticket.number
        guard ticket.status != .closed else { return "<p class=\"muted\">This ticket is closed. A new contact opens a follow-up ticket.</p>" }
        let statusAfter = [("", "Keep status")] + TicketStatus.allCases.filter { $0 != .new && $0 != .closed }
            .map { ($0.rawValue, "and set " + Format.label($0).lowercased()) }
        return """
            <div class="compose" id="compose">
              <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .reply)))" class="reply-form" data-typing>
                \(request.csrfField)
                <label for="reply-body">Reply to \(requester.name) <span class="muted small">(r)</span></label>
                \(error(for: .reply))
                <textarea id="reply-body" name="body" rows="5" required>\(value(.reply, "body"))</textarea>
                <div class="form-row">
                  <label class="visually-hidden" for="reply-status">Status after sending</label>
                  <select id="reply-status" name="status">\(Format.options(statusAfter, selected: ""))</select>
                  <button type="submit">Send reply</button>
                </div>
              </form>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .note)))" class="note-form" data-typing>
                \(request.csrfField)
                <label for="note-body">Internal note <span class="muted small">(n) · only staff see this</span></label>
                \(error(for: .note))
                <textarea id="note-body" name="body" rows="3" required>\(value(.note, "body"))</textarea>
                <div class="form-row"><button type="submit" class="note-button">Add note</button></div>
              </form>
            </div>
            """
    }

    private var requesterPanel: Markup {
        let organizationLine: Markup = organization.map { org in
            "<p><a href=\"\(WebRoute.desk(.organization(.value(org.id))))\">\(org.name)</a></p>"
        } ?? .empty
        let phone: Markup = requester.phone.map { "<p class=\"small\">\($0)</p>" } ?? .empty
        let others: [Markup] = otherTickets.map { other in
            "<li><a href=\"\(WebRoute.desk(.ticket(.value(other.number))))\">#\(other.number) \(other.subject)</a> \(Format.status(other.status))</li>"
        }
        let contacts: [Markup] = contactHistory.map { contact in
            let link: Markup = contact.ticketNumber.map { "<a href=\"\(WebRoute.desk(.ticket(.value($0))))\">#\($0)</a>" } ?? .empty
            return "<li>\(Format.time(contact.at, now: journey.now, zone: settings.zone)) · \(contact.channel.rawValue) \(link)</li>"
        }
        return """
            <section class="panel">
              <h2>Requester</h2>
              <p><a href="\(WebRoute.desk(.customer(.value(requester.id))))"><strong>\(requester.name)</strong></a></p>
              <p class="small">\(requester.email)</p>
              \(phone)
              \(organizationLine)
              <h3>Other tickets</h3>
              <ul class="plain-list">\(others.isEmpty ? ["<li class=\"muted\">None</li>"] : others)</ul>
              <h3>Contact history</h3>
              <ul class="plain-list">\(contacts.isEmpty ? ["<li class=\"muted\">None</li>"] : contacts)</ul>
            </section>
            """
    }

    /// Assign, status, priority, tags and hand-off in one compact bar under the ticket's title:
    /// what an agent does to a ticket is where they look first, not down the sidebar.
    private func actionBar(_ request: Request) -> Markup {
        guard ticket.status != .closed else { return .empty }
        let number = ticket.number
        let statuses = TicketStatus.allCases.filter { $0 != .new || ticket.status == .new }.map { ($0.rawValue, Format.label($0)) }
        let priorities = TicketPriority.allCases.reversed().map { ($0.rawValue, $0.rawValue.capitalized) }
        let teamControl: Markup = ticket.teamId == nil ? """
            <span class="field"><label for="team">Team</label>
              <select id="team" name="team_id">\(Format.options([("", "No team")] + teams.map { ($0.id.uuidString, $0.name) }, selected: ""))</select></span>
            """ : .empty
        let take: Markup = ticket.ownerId == nil ? """
            <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .assign)))" class="bar-take">\(request.csrfField)
              <button type="submit" class="secondary">Take it: assign to me</button></form>
            """ : .empty
        return """
            <section class="action-bar" aria-label="Ticket actions">
              \(take)
              <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .update)))" class="bar-form">
                \(request.csrfField)
                \(error(for: .update))
                <span class="field"><label for="status">Status</label>
                  <select id="status" name="status">\(Format.options(statuses, selected: ticket.status.rawValue))</select></span>
                <span class="field"><label for="priority">Priority</label>
                  <select id="priority" name="priority">\(Format.options(priorities, selected: ticket.priority.rawValue))</select></span>
                <span class="field tags-field"><label for="tags">Tags</label>
                  <input id="tags" name="tags" value="\(tags.joined(separator: ", "))" placeholder="comma separated"></span>
                \(teamControl)
                <button type="submit" class="secondary">Save changes</button>
              </form>
              \(handoffForm(request))
            </section>
            """
    }

    private func handoffForm(_ request: Request) -> Markup {
        guard ticket.status != .closed else { return .empty }
        let people = [("", "Keep owner" + (ticket.ownerId == nil ? "" : " / team queue"))]
            + staff.filter { $0.id != ticket.ownerId }.map { ($0.id.uuidString, "\($0.name) (\($0.role.rawValue))") }
        let teamOptions = [("", "Keep team")] + teams.filter { $0.id != ticket.teamId }.map { ($0.id.uuidString, $0.name) }
        // Folded until wanted; open again when the server refused it, so its message shows beside the note.
        let open: Markup = problem?.form == .handoff ? " open" : .empty
        return """
            <details class="handoff-panel" id="handoff"\(open)>
              <summary>Hand off…</summary>
              <p class="small muted">The receiver sees your note at the top of the ticket. Say what the customer needs,
                 what was tried, and what was promised. Moving to another team is a hand-off too.</p>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .handoff)))" class="stack">
                \(request.csrfField)
                \(error(for: .handoff))
                <label for="to-user">To person</label>
                <select id="to-user" name="to_user_id">\(Format.options(people, selected: value(.handoff, "to_user_id")))</select>
                <label for="to-team">To team</label>
                <select id="to-team" name="to_team_id">\(Format.options(teamOptions, selected: value(.handoff, "to_team_id")))</select>
                <label for="handoff-note">Context note for the receiver (required)</label>
                <textarea id="handoff-note" name="note" rows="4" required aria-describedby="handoff-error">\(value(.handoff, "note"))</textarea>
                <button type="submit">Hand off with note</button>
              </form>
            </details>
            """
    }
}
