import FrontlineCore
import Foundation

/// Timeline words for the journey's events: promises, calls and holds, transfer notes,
/// escalations, SLA warnings and breaches, and the runaround flag (which stays in the history
/// even after the ticket drops below the thresholds). The failures the customer suffered are
/// marked so they stand out of the quiet event lines.
enum JourneyTimeline {
    /// The entry for a journey event; `Timeline` hands every other kind its own line.
    static func entry(_ event: TimelineEvent, actor: String, id: Int, when: Markup, zone: TimeZone) -> Markup {
        func at(_ date: Date?) -> String {
            date.map { Format.absolute($0, zone: zone) } ?? "an unknown time"
        }
        func promise(_ facts: TimelineEvent.PromiseFacts) -> String {
            "\(JourneyFormat.word(facts.kind.rawValue)) “\(facts.description)”"
        }
        switch event {
        case .promiseMade(let made):
            return Timeline.line("\(actor) promised: \(promise(made.promise)), due \(at(made.promise.dueAt)), owner \(made.ownerName)", id: id, when: when)
        case .promiseKept(let kept):
            return Timeline.line("Promise kept: \(promise(kept.promise)) by \(JourneyFormat.action(kept.action.rawValue))", id: id, when: when)
        case .promiseBroken(let broken):
            let how = broken.lateAction ? "kept too late" : "nobody kept it by \(at(broken.promise.dueAt))"
            return alert("Promise broken: \(promise(broken.promise)), \(how)", id: id, when: when)
        case .promiseCancelled(let cancelled):
            return Timeline.line("\(actor) cancelled the promise \(promise(cancelled.promise)): \(cancelled.reason)", id: id, when: when)
        case .callStarted(let call):
            let direction = call.direction == "outbound" ? "Outbound call to" : "Inbound call from"
            return Timeline.line("\(direction) \(call.customerPhone)", id: id, when: when)
        case .callEnded(let call):
            let talk = call.talkSeconds.map { ", \(JourneyFormat.duration(seconds: $0)) talk" } ?? ""
            let outcome = call.outcome.isEmpty ? "" : " (\(call.outcome))"
            let text = "Call ended\(outcome)\(talk), \(call.holds) hold\(call.holds == 1 ? "" : "s")"
            return call.outcome == "dropped" ? alert(text + ": a callback is promised", id: id, when: when) : Timeline.line(text, id: id, when: when)
        case .holdWithoutWaitTold(let hold):
            let waited = hold.enduredSeconds.map { " (waited \(JourneyFormat.duration(seconds: $0)))" } ?? ""
            return alert("Customer put on hold without being told how long\(waited)", id: id, when: when)
        case .holdOverran(let hold):
            let told = JourneyFormat.duration(seconds: hold.toldWaitSeconds ?? 0)
            let endured = JourneyFormat.duration(seconds: hold.enduredSeconds ?? 0)
            return alert("Hold overran: told \(told), waited \(endured)", id: id, when: when)
        case .handoffNoteAdded(let transfer):
            return Timeline.line("\(actor) added the transfer's context note", id: id, when: when, extra: """
                <blockquote class="context"><span class="label">Context for the receiver</span>\(transfer.note)</blockquote>
                """)
        case .escalated(let escalation):
            let channel = escalation.channel == .phone ? "by phone" : "in writing"
            return Timeline.line("\(actor) escalated: \(escalation.reason); answer \(channel) by \(at(escalation.dueAt))", id: id, when: when)
        case .escalationAnswered(let answer):
            let text = "Escalation answered by \(JourneyFormat.action(answer.by))"
            return answer.late ? alert(text + ", after its target", id: id, when: when) : Timeline.line(text, id: id, when: when)
        case .escalationBreached(let breach):
            return alert("Escalation unanswered past its target (was due \(at(breach.dueAt)))", id: id, when: when)
        case .slaWarning(let clock):
            return Timeline.line("SLA warning: \(target(clock)) due \(at(clock.dueAt))", id: id, when: when)
        case .slaBreached(let clock):
            return alert("SLA breached: \(target(clock)) was due \(at(clock.dueAt))", id: id, when: when)
        case .runaroundFlagged(let flag):
            let reasons = flag.reasons.joined(separator: "; ")
            return alert("Flagged: this customer is getting the runaround (index \(TicketDetailPage.tenths(flag.index))): \(reasons)", id: id, when: when)
        default:
            return Timeline.line("\(actor): \(event.kind.rawValue.replacingOccurrences(of: "_", with: " "))", id: id, when: when)
        }
    }

    /// A failure the customer suffered: the same line, marked.
    private static func alert(_ text: String, id: Int, when: Markup) -> Markup {
        "<li class=\"entry event alert\" id=\"e\(id)\" data-event=\"\(id)\"><div class=\"entry-head\"><span>\(text)</span>\(when)</div></li>"
    }

    /// "first response (Standard)".
    private static func target(_ clock: TimelineEvent.SLAClockAlert) -> String {
        "\(clock.target.rawValue.replacingOccurrences(of: "_", with: " ")) (\(clock.policy))"
    }
}
