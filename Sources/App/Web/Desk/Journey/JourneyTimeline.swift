import FrontlineCore
import Foundation

/// Timeline words for the journey's events: promises, calls and holds, transfer notes,
/// escalations, SLA warnings and breaches, and the runaround flag (which stays in the history
/// even after the ticket drops below the thresholds). The failures the customer suffered are
/// marked so they stand out of the quiet event lines.
enum JourneyTimeline {
    /// The entry for a journey event kind, or nil for a kind this file does not know.
    static func entry(_ event: TicketEvent, data: EventData, id: Int, when: Markup, zone: TimeZone) -> Markup? {
        let actor = event.actorName
        func at(_ key: String) -> String {
            data.string(key).flatMap(JSONCoding.parseDate).map { Format.absolute($0, zone: zone) } ?? "an unknown time"
        }
        let promise = "\(JourneyFormat.word(data.string("kind") ?? "")) “\(data.string("description") ?? "")”"
        switch event.kind {
        case "promise_made":
            return Timeline.line("\(actor) promised: \(promise), due \(at("due_at")), owner \(data.string("owner_name") ?? "unknown")", id: id, when: when)
        case "promise_kept":
            return Timeline.line("Promise kept: \(promise) by \(JourneyFormat.action(data.string("action")))", id: id, when: when)
        case "promise_broken":
            let how = data.bool("late_action") ? "kept too late" : "nobody kept it by \(at("due_at"))"
            return alert("Promise broken: \(promise), \(how)", id: id, when: when)
        case "promise_cancelled":
            return Timeline.line("\(actor) cancelled the promise \(promise): \(data.string("reason") ?? "")", id: id, when: when)
        case "call_started":
            let direction = data.string("direction") == "outbound" ? "Outbound call to" : "Inbound call from"
            return Timeline.line("\(direction) \(data.string("customer_phone") ?? "the customer")", id: id, when: when)
        case "call_ended":
            let talk = data.number("talk_seconds").map { ", \(JourneyFormat.duration(seconds: Int($0))) talk" } ?? ""
            let holds = Int(data.number("holds") ?? 0)
            let outcome = data.string("outcome").map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            let text = "Call ended\(outcome)\(talk), \(holds) hold\(holds == 1 ? "" : "s")"
            return data.string("outcome") == "dropped" ? alert(text + ": a callback is promised", id: id, when: when) : Timeline.line(text, id: id, when: when)
        case "hold_without_wait_told":
            let waited = data.number("endured_seconds").map { " (waited \(JourneyFormat.duration(seconds: Int($0))))" } ?? ""
            return alert("Customer put on hold without being told how long\(waited)", id: id, when: when)
        case "hold_overran":
            let told = JourneyFormat.duration(seconds: Int(data.number("told_wait_seconds") ?? 0))
            let endured = JourneyFormat.duration(seconds: Int(data.number("endured_seconds") ?? 0))
            return alert("Hold overran: told \(told), waited \(endured)", id: id, when: when)
        case "handoff_note_added":
            return Timeline.line("\(actor) added the transfer's context note", id: id, when: when, extra: """
                <blockquote class="context"><span class="label">Context for the receiver</span>\(data.string("note") ?? "")</blockquote>
                """)
        case "escalated":
            let channel = data.string("channel") == "phone" ? "by phone" : "in writing"
            return Timeline.line("\(actor) escalated: \(data.string("reason") ?? ""); answer \(channel) by \(at("due_at"))", id: id, when: when)
        case "escalation_answered":
            let text = "Escalation answered by \(JourneyFormat.action(data.string("by")))"
            return data.bool("late") ? alert(text + ", after its target", id: id, when: when) : Timeline.line(text, id: id, when: when)
        case "escalation_breached":
            return alert("Escalation unanswered past its target (was due \(at("due_at")))", id: id, when: when)
        case "sla_warning":
            return Timeline.line("SLA warning: \(target(data)) due \(at("due_at"))", id: id, when: when)
        case "sla_breached":
            return alert("SLA breached: \(target(data)) was due \(at("due_at"))", id: id, when: when)
        case "runaround_flagged":
            let index = data.number("index").map { TicketDetailPage.tenths($0) } ?? "?"
            let reasons = data.strings("reasons").joined(separator: "; ")
            return alert("Flagged: this customer is getting the runaround (index \(index)): \(reasons)", id: id, when: when)
        default:
            return nil
        }
    }

    /// A failure the customer suffered: the same line, marked.
    private static func alert(_ text: String, id: Int, when: Markup) -> Markup {
        "<li class=\"entry event alert\" id=\"e\(id)\" data-event=\"\(id)\"><div class=\"entry-head\"><span>\(text)</span>\(when)</div></li>"
    }

    /// "outbound_call" → "outbound call".
    private static func spoken(_ raw: String?) -> String {
        (raw ?? "an unknown action").replacingOccurrences(of: "_", with: " ")
    }

    /// "first response (Standard)".
    private static func target(_ data: EventData) -> String {
        let target = spoken(data.string("target"))
        return data.string("policy").map { "\(target) (\($0))" } ?? target
    }
}

extension EventData {
    func number(_ key: String) -> Double? {
        if case .number(let value) = fields[key] { return value }
        return nil
    }
}
