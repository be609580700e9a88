import FrontlineCore
import Foundation

/// One column of everything that happened on a ticket: public messages, internal notes (on a
/// yellow band, labelled, so nobody mistakes one for a reply), hand-offs with their context notes,
/// and the smaller events.
enum Timeline {
    static func entries(_ events: [TicketEvent], messages: [Int: Message], zone: TimeZone, now: Date = Date()) -> Markup {
        Markup.join(events.map { entry($0, messages: messages, zone: zone, now: now) })
    }

    static func entry(_ event: TicketEvent, messages: [Int: Message], zone: TimeZone, now: Date = Date()) -> Markup {
        let data = EventData(event.data)
        let when = Format.time(event.at, now: now, zone: zone)
        let id = event.id ?? 0
        switch EventKind(rawValue: event.kind) {
        case .messageAdded, .noteAdded:
            guard let messageId = data.int("message_id"), let message = messages[messageId] else { return .empty }
            return self.message(message, eventId: id, zone: zone, now: now)
        case .handedOff:
            let count = data.int("handoff_count") ?? 0
            return """
                <li class="entry handoff" id="e\(id)" data-event="\(id)">
                  <div class="entry-head"><strong>Hand-off\(count > 0 ? " #\(count)" : "")</strong>
                    <span>\(ownership(data.object("before"))) → \(ownership(data.object("after"))) · by \(event.actorName)</span>\(when)</div>
                  <blockquote class="context"><span class="label">Context for the receiver</span>\(data.string("note") ?? "")</blockquote>
                </li>
                """
        case .assigned:
            let note: Markup = data.string("note").map { "<blockquote class=\"context\">\($0)</blockquote>" } ?? .empty
            let after = data.object("after")
            let took = event.actorId != nil && after["owner_id"] == .string(event.actorId?.uuidString ?? "")
            let text = took ? "\(event.actorName) took the ticket" : "Assigned to \(ownership(after)) by \(event.actorName)"
            return line(text, id: id, when: when, extra: note)
        case .statusChanged:
            let reopened = data.bool("reopened") ? " (reopened)" : ""
            return line(
                "\(event.actorName) changed status \(label(data.string("before"))) → \(label(data.string("after")))\(reopened)",
                id: id, when: when)
        case .priorityChanged:
            return line("\(event.actorName) changed priority \(data.string("before") ?? "") → \(data.string("after") ?? "")", id: id, when: when)
        case .tagged, .untagged:
            let tags = data.strings("after")
            return line("\(event.actorName) set tags: \(tags.isEmpty ? "none" : tags.joined(separator: ", "))", id: id, when: when)
        case .teamChanged:
            return line("\(event.actorName) routed the ticket to \(ownership(data.object("after")))", id: id, when: when)
        case .created:
            return line("\(event.actorName) opened the ticket via \(data.string("channel") ?? "api")", id: id, when: when)
        case .customFieldsChanged:
            return line("\(event.actorName) changed custom fields", id: id, when: when)
        case nil:
            return JourneyTimeline.entry(event, data: data, id: id, when: when, zone: zone)
                ?? line("\(event.actorName): \(event.kind.replacingOccurrences(of: "_", with: " "))", id: id, when: when)
        }
    }

    static func message(_ message: Message, eventId: Int, zone: TimeZone, now: Date) -> Markup {
        let isNote = message.visibility == .internal
        let fromCustomer = message.authorType == Actor.Kind.customer.rawValue
        let kind: Markup = isNote
            ? "<span class=\"tag-note\">Internal note</span>"
            : (fromCustomer ? "<span class=\"tag-in\">Customer · \(message.channel.rawValue)</span>" : "<span class=\"tag-out\">Public reply</span>")
        let cls: Markup = isNote ? "note" : (fromCustomer ? "inbound" : "outbound")
        return """
            <li class="entry message \(cls)" id="e\(eventId)" data-event="\(eventId)">
              <div class="entry-head"><strong>\(message.authorName)</strong>\(kind)\(Format.time(message.createdAt, now: now, zone: zone))</div>
              <div class="body">\(message.body)</div>
            </li>
            """
    }

    static func line(_ text: String, id: Int, when: Markup, extra: Markup = .empty) -> Markup {
        "<li class=\"entry event\" id=\"e\(id)\" data-event=\"\(id)\"><div class=\"entry-head\"><span>\(text)</span>\(when)</div>\(extra)</li>"
    }

    private static func label(_ raw: String?) -> String {
        raw.flatMap(TicketStatus.init(rawValue:)).map(Format.label) ?? (raw ?? "")
    }

    /// "Ana Costa (Billing)", "Billing", or "nobody".
    private static func ownership(_ fields: [String: JSONValue]) -> String {
        let owner = fields["owner_name"].flatMap { if case .string(let s) = $0 { s } else { nil } }
        let team = fields["team_name"].flatMap { if case .string(let s) = $0 { s } else { nil } }
        switch (owner, team) {
        case let (owner?, team?): return "\(owner) (\(team))"
        case let (owner?, nil): return owner
        case let (nil, team?): return team
        default: return "nobody"
        }
    }
}

/// Typed reads of an event's JSON data.
struct EventData {
    let fields: [String: JSONValue]

    init(_ stored: String) {
        if case .object(let fields) = JSONValue(storedText: stored) { self.fields = fields } else { fields = [:] }
    }

    func string(_ key: String) -> String? {
        if case .string(let value) = fields[key] { return value }
        return nil
    }

    func int(_ key: String) -> Int? {
        if case .number(let value) = fields[key] { return Int(value) }
        return nil
    }

    func bool(_ key: String) -> Bool {
        if case .bool(let value) = fields[key] { return value }
        return false
    }

    func object(_ key: String) -> [String: JSONValue] {
        if case .object(let value) = fields[key] { return value }
        return [:]
    }

    func strings(_ key: String) -> [String] {
        guard case .array(let values) = fields[key] else { return [] }
        return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}
