import FrontlineCore
import Foundation
import Vapor

/// The ticket's phone calls as `CallDTO` shows them: talk time, each hold with the wait the
/// customer was told against the wait they endured, and each live transfer with its context note,
/// or "note missing" and a form to add it (the rule of `TransferNotes`, as the API).
extension TicketDetailPage {
    func callsPanel(_ request: Request) -> Markup {
        guard !journey.calls.isEmpty else { return .empty }
        let missing = journey.calls.reduce(0) { $0 + $1.missingHandoffNotes }
        let warning: Markup = missing > 0
            ? "<p class=\"badge warn\">\(missing) transfer note\(missing == 1 ? "" : "s") missing</p>" : .empty
        return """
            <section class="panel journey-panel" id="calls" aria-label="Calls">
              <h2>Calls</h2>
              \(warning)
              <ol class="call-list">\(journey.calls.map { callItem($0, request) })</ol>
            </section>
            """
    }

    private func callItem(_ call: CallDTO, _ request: Request) -> Markup {
        let zone = settings.zone
        let started: Markup = call.startedAt.map { Format.time($0, now: journey.now, zone: zone) } ?? "<span class=\"muted\">start not reported</span>"
        let talk = call.talkSeconds.map { "talked \(JourneyFormat.duration(seconds: $0))" } ?? "still on the line"
        let outcome: Markup = switch call.outcome {
        case "dropped"?: " · <strong class=\"danger\">dropped</strong>"
        case let other?: " · \(other)"
        case nil: .empty
        }
        let agent: Markup = call.agentId.map { " with \(journey.name($0))" } ?? .empty
        let holds: [Markup] = call.holds.map(holdItem)
        let transfers: [Markup] = call.transfers.map { transferItem($0, callId: call.id, request) }
        return """
            <li class="call" id="call-\(call.id)">
              <div><strong>\(JourneyFormat.word(call.direction ?? "inbound")) call</strong>\(agent) \(started)</div>
              <p class="small">\(talk)\(outcome)</p>
              \(holds.isEmpty ? Markup.empty : "<ul class=\"plain-list holds\">\(holds)</ul>")
              \(transfers.isEmpty ? Markup.empty : "<ul class=\"plain-list transfers\">\(transfers)</ul>")
            </li>
            """
    }

    private func holdItem(_ hold: CallDTO.Hold) -> Markup {
        let endured = hold.enduredSeconds.map { "waited \(JourneyFormat.duration(seconds: $0))" } ?? "still on hold"
        if hold.withoutWaitTold {
            return "<li class=\"hold hold-untold\">Hold: <strong class=\"danger\">no wait told</strong>, \(endured)</li>"
        }
        let told = "told \(JourneyFormat.duration(seconds: hold.toldWaitSeconds ?? 0))"
        let overran: Markup = hold.overran ? " · <strong class=\"danger\">overran</strong>" : .empty
        return "<li class=\"hold\">Hold: \(told), \(endured)\(overran)</li>"
    }

    private func transferItem(_ transfer: CallDTO.Transfer, callId: UUID, _ request: Request) -> Markup {
        let to = [transfer.toUserId.map { journey.name($0) }, transfer.toTeamId.flatMap { id in teams.first { $0.id == id }?.name }]
            .compactMap { $0 }.joined(separator: " · ")
        let head: Markup = "Transferred to <strong>\(to.isEmpty ? "an unknown line" : to)</strong> \(Format.time(transfer.at, now: journey.now, zone: settings.zone))"
        if let note = transfer.note {
            return "<li class=\"transfer\">\(head)<blockquote class=\"context\">\(note)</blockquote></li>"
        }
        let mine = problem?.form == .transferNote && problem?.values["transfer_id"] == transfer.id.uuidString
        let field = "note-\(transfer.id.uuidString)"
        return """
            <li class="transfer transfer-missing">\(head) <span class="badge warn">note missing</span>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .transferNote(call: .value(callId), transfer: .value(transfer.id)))))" class="stack">
                \(request.csrfField)
                \(mine ? error(for: .transferNote) : .empty)
                <label for="\(field)">Context note for the receiver</label>
                <textarea id="\(field)" name="note" rows="2" required>\(mine ? value(.transferNote, "note") : "")</textarea>
                <button type="submit" class="secondary small-button">Add note</button>
              </form>
            </li>
            """
    }
}
