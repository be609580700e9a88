import FrontlineCore
import Foundation

/// The runaround index of the ticket: what the customer has been put through, counted by
/// `RunaroundCounters` and weighed by FrontlineCore's `RunaroundIndex` (never re-counted here).
extension TicketDetailPage {
    /// The formula, as `RunaroundIndex` documents it, for the tooltip and the help line.
    static let runaroundFormula = "index = " + RunaroundIndex.formula

    /// The alert at the top of the page when the ticket is flagged.
    var runaroundAlert: Markup {
        let runaround = journey.runaround
        guard runaround.flagged else { return .empty }
        let reasons: [Markup] = runaround.reasons.map { "<li>\($0)</li>" }
        let since: Markup = runaround.firstFlaggedAt.map { " · first flagged \(Format.time($0, now: journey.now, zone: settings.zone))" } ?? .empty
        return """
            <aside class="callout runaround-alert" role="alert" aria-label="Runaround alert">
              <strong>This customer is getting the runaround</strong>
              <span class="muted small">index \(Self.tenths(runaround.index))\(since)</span>
              <ul class="plain-list">\(reasons)</ul>
            </aside>
            """
    }

    var runaroundPanel: Markup {
        let r = journey.runaround
        let rows: [(String, Int)] = [
            ("Hand-offs", r.handoffs), ("Distinct owners", r.distinctOwners), ("Customer contacts", r.customerContacts),
            ("Channel switches", r.channelSwitches), ("Reopenings", r.reopenings),
            ("Holds without a wait told", r.holdsWithoutWaitTold), ("Broken promises", r.brokenPromises), ("Days open", r.daysOpen),
        ]
        let cells: [Markup] = rows.map { label, count in "<tr><th scope=\"row\">\(label)</th><td>\(count)</td></tr>" }
        let flag: Markup = r.flagged
            ? "<span class=\"badge danger-badge\">Flagged</span>"
            : (r.firstFlaggedAt != nil ? "<span class=\"badge warn\">Was flagged</span>" : "<span class=\"badge ok\">Not flagged</span>")
        return """
            <section class="panel journey-panel" id="runaround" aria-label="Runaround">
              <h2>Runaround <span class="index" title="\(Self.runaroundFormula)">index \(Self.tenths(r.index))</span> \(flag)</h2>
              <table class="facts small"><tbody>\(cells)</tbody></table>
              <details class="help"><summary>How it is counted</summary>
                <p class="muted small">\(Self.runaroundFormula). \(Self.thresholdsLine)</p></details>
            </section>
            """
    }

    /// When the desk raises the alert, from FrontlineCore's thresholds.
    static var thresholdsLine: String {
        let t = RunaroundThresholds.standard
        return "Flagged at \(t.handoffs) hand-offs, \(t.customerContactsWhileUnresolved) contacts while unresolved, "
            + "\(t.brokenPromises) broken promise or index \(tenths(t.index))."
    }

    /// One decimal, as the index is defined ("4.5", "12.0").
    static func tenths(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
