import FrontlineCore
import Foundation
import Vapor

/// The ticket's escalations, each on its own clock (open, answered, breached), and the form to
/// escalate to a team or a lead through `EscalationDesk`. An escalation is answered on the
/// customer's own channel, so the panel says which one.
extension TicketDetailPage {
    func escalationsPanel(_ request: Request) -> Markup {
        let items: [Markup] = journey.escalations.map(escalationItem)
        let list: Markup = items.isEmpty ? "<p class=\"muted small\">Not escalated.</p>" : "<ul class=\"plain-list escalation-list\">\(items)</ul>"
        return """
            <section class="panel journey-panel" id="escalations" aria-label="Escalations">
              <h2>Escalations</h2>
              \(list)
              \(escalateForm(request))
            </section>
            """
    }

    private func escalationItem(_ escalation: EscalationItem) -> Markup {
        let zone = settings.zone
        let target = [escalation.toUserId.map { journey.name($0) }, escalation.toTeamId.flatMap { id in teams.first { $0.id == id }?.name }]
            .compactMap { $0 }.joined(separator: " · ")
        let clock: Markup
        switch escalation.state {
        case .open:
            clock = "answer \(escalation.channel == .phone ? "by phone" : "in writing") \(JourneyFormat.due(escalation.dueAt, now: journey.now, zone: zone))"
        case .answered:
            clock = "answered \(escalation.answeredAt.map { Format.absolute($0, zone: zone) } ?? "") by \(JourneyFormat.action(escalation.answeredBy)), target was \(JourneyFormat.minutes(escalation.targetMinutes))"
        case .breached:
            let answered: Markup = escalation.answeredAt.map { " · answered late \(Format.absolute($0, zone: zone))" } ?? " · still unanswered"
            clock = "target \(JourneyFormat.minutes(escalation.targetMinutes)) passed \(Format.absolute(escalation.dueAt, zone: zone))\(answered)"
        }
        return """
            <li class="escalation escalation-\(escalation.state.rawValue)">
              <div>\(Self.escalationBadge(escalation.state)) to <strong>\(target.isEmpty ? "the current owner" : target)</strong>
                <span class="muted small">by \(escalation.escalatedByName), \(escalation.channel.rawValue) customer</span></div>
              <p class="small">\(escalation.reason)</p>
              <p class="small">\(clock)</p>
            </li>
            """
    }

    private func escalateForm(_ request: Request) -> Markup {
        guard ticket.status != .closed else { return .empty }
        let leads = [("", "No one person")] + staff.filter { $0.role >= .lead }.map { ($0.id.uuidString, "\($0.name) (\($0.role.rawValue))") }
        let teamOptions = [("", "No team")] + teams.map { ($0.id.uuidString, $0.name) }
        let target = value(.escalate, "target_minutes")
        let open: Markup = problem?.form == .escalate ? " open" : .empty
        return """
            <details class="escalate"\(open)><summary>Escalate</summary>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .escalate)))" class="stack" id="escalate-form">
                \(request.csrfField)
                \(error(for: .escalate))
                <label for="escalate-team">To team</label>
                <select id="escalate-team" name="to_team_id">\(Format.options(teamOptions, selected: value(.escalate, "to_team_id")))</select>
                <label for="escalate-lead">To lead</label>
                <select id="escalate-lead" name="to_user_id">\(Format.options(leads, selected: value(.escalate, "to_user_id")))</select>
                <label for="escalate-reason">Reason (the receiver's context note)</label>
                <textarea id="escalate-reason" name="reason" rows="3" required>\(value(.escalate, "reason"))</textarea>
                <label for="escalate-target">Answer within (minutes)</label>
                <input id="escalate-target" name="target_minutes" type="number" min="1" max="525600" value="\(target.isEmpty ? String(journey.escalationTargetMinutes) : target)">
                <button type="submit">Escalate</button>
              </form>
            </details>
            """
    }

    /// open / answered / breached, coloured.
    static func escalationBadge(_ state: Escalation.State) -> Markup {
        switch state {
        case .open: "<span class=\"badge warn\">open</span>"
        case .answered: "<span class=\"badge ok\">answered</span>"
        case .breached: "<span class=\"badge danger-badge\">breached</span>"
        }
    }
}
