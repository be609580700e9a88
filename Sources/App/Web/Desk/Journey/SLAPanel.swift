import FrontlineCore
import Foundation

/// The ticket's SLA: the policy and each target's due time and state, as `SLADTO` computes them
/// from the stored clocks and their business calendar (pauses, hours and holidays included).
extension TicketDetailPage {
    var slaPanel: Markup {
        let sla = journey.sla
        guard let policy = sla.policy else {
            return """
                <section class="panel journey-panel" id="sla" aria-label="SLA">
                  <h2>SLA</h2><p class="muted small">No SLA policy applies to this ticket.</p>
                </section>
                """
        }
        let targets: [(String, SLADTO.Clock?)] = [
            ("First response", sla.firstResponse), ("Next response", sla.nextResponse), ("Resolution", sla.resolution),
        ]
        let rows: [Markup] = targets.compactMap { label, clock in clock.map { row(label, $0) } }
        return """
            <section class="panel journey-panel" id="sla" aria-label="SLA">
              <h2>SLA <span class="muted small">\(policy)</span></h2>
              <ul class="plain-list sla-list">\(rows)</ul>
              <p class="muted small help">Targets count business time in the policy's calendar; times shown in \(settings.timeZone).</p>
            </section>
            """
    }

    private func row(_ label: String, _ clock: SLADTO.Clock) -> Markup {
        let zone = settings.zone
        let detail: Markup
        switch clock.state {
        case .met:
            detail = clock.stoppedAt.map { "met \(Format.absolute($0, zone: zone))" } ?? "met"
        case .paused:
            detail = "paused while pending on the customer"
        case .breached:
            detail = clock.dueAt.map { "was due \(JourneyFormat.due($0, now: journey.now, zone: zone))" } ?? "past its target"
        case .running, .warning:
            detail = clock.dueAt.map { "due \(JourneyFormat.due($0, now: journey.now, zone: zone))" } ?? "no business hours ahead"
        }
        return """
            <li class="sla-\(clock.state.rawValue)"><strong>\(label)</strong> \(Self.slaBadge(clock.state))
              <span class="small">\(detail)</span> <span class="muted small">· target \(JourneyFormat.minutes(clock.targetMinutes))</span></li>
            """
    }

    /// ok / warning / breached / paused / met, coloured.
    static func slaBadge(_ state: SLAState) -> Markup {
        switch state {
        case .running: "<span class=\"badge ok\">ok</span>"
        case .warning: "<span class=\"badge warn\">warning</span>"
        case .breached: "<span class=\"badge danger-badge\">breached</span>"
        case .paused: "<span class=\"badge status-pending\">paused</span>"
        case .met: "<span class=\"badge ok\">met</span>"
        }
    }
}
