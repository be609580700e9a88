import FrontlineCore
import Foundation

/// One column of everything that happened on a ticket: public messages, internal notes (on a
/// yellow band, labelled, so nobody mistakes one for a reply), hand-offs with their context notes,
/// and the smaller events.
enum Timeline {
    static func entries(_ events: [TicketEvent], messages: [Int: Message], zone: TimeZone, now: Date) -> Markup {
        Markup.join(events.map { entry($0, messages: messages, zone: zone, now: now) })
    }

    static func entry(_ event: TicketEvent, messages: [Int: Message], zone: TimeZone, now: Date) -> Markup {
        let when = Format.time(event.at, now: now, zone: zone)
        let id = event.id ?? 0
        // A row this version cannot read still shows that something happened, and who did it.
        let generic = line("\(event.actorName): \(event.kind.replacingOccurrences(of: "_", with: " "))", id: id, when: when)
        guard let typed = event.timelineEvent else { return generic }
        switch typed {
        case .messageAdded(let added), .noteAdded(let added):
            guard let message = messages[added.messageId] else { return .empty }
            return self.message(message, eventId: id, zone: zone, now: now)
        case .handedOff(let change):
            let count = change.handoff?.count ?? 0
            return """
                <li class="entry handoff" id="e\(id)" data-event="\(id)">
                  <div class="entry-head"><strong>Hand-off\(count > 0 ? " #\(count)" : "")</strong>
                    <span>\(ownership(change.before)) → \(ownership(change.after)) · by \(event.actorName)</span>\(when)</div>
                  <blockquote class="context"><span class="label">Context for the receiver</span>\(change.handoff?.note ?? "")</blockquote>
                </li>
                """
        case .assigned(let change):
            let note: Markup = change.handoff?.note.map { "<blockquote class=\"context\">\($0)</blockquote>" } ?? .empty
            let took = event.actorId != nil && change.after.ownerId == event.actorId
            let text = took ? "\(event.actorName) took the ticket" : "Assigned to \(ownership(change.after)) by \(event.actorName)"
            return line(text, id: id, when: when, extra: note)
        case .statusChanged(let change):
            let reopened = change.reopened ? " (reopened)" : ""
            return line(
                "\(event.actorName) changed status \(Format.label(change.before)) → \(Format.label(change.after))\(reopened)",
                id: id, when: when)
        case .priorityChanged(let change):
            return line("\(event.actorName) changed priority \(change.before.rawValue) → \(change.after.rawValue)", id: id, when: when)
        case .tagged(let change):
            return line("\(event.actorName) set tags: \(change.after.isEmpty ? "none" : change.after.joined(separator: ", "))", id: id, when: when)
        case .teamChanged(let change):
            return line("\(event.actorName) routed the ticket to \(ownership(change.after))", id: id, when: when)
        case .created(let created):
            return line("\(event.actorName) opened the ticket via \(created.channel.rawValue)", id: id, when: when)
        case .customFieldsChanged:
            return line("\(event.actorName) changed custom fields", id: id, when: when)
        case .runaroundFlagged, .promiseMade, .promiseKept, .promiseCancelled, .promiseBroken, .callStarted, .callEnded,
            .holdWithoutWaitTold, .holdOverran, .handoffNoteAdded, .escalated, .escalationAnswered, .escalationBreached,
            .slaWarning, .slaBreached:
            return JourneyTimeline.entry(typed, actor: event.actorName, id: id, when: when, zone: zone)
        case .slaPolicyChanged, .mailSent, .deliveryFailed, .mailBounced, .followUpCreated, .followUpOf,
            .participantAdded, .participantRemoved:
            return generic
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

    /// "Ana Costa (Billing)", "Billing", or "nobody".
    private static func ownership(_ ownership: TimelineEvent.Ownership) -> String {
        switch (ownership.ownerName, ownership.teamName) {
        case let (owner?, team?): return "\(owner) (\(team))"
        case let (owner?, nil): return owner
        case let (nil, team?): return team
        default: return "nobody"
        }
    }
}

/// Reads of an event's data as raw JSON, for rows read without their type (tests that look at
/// what is stored). The desk's own readers decode `TimelineEvent`.
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
