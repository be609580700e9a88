import FrontlineCore
import Foundation

// The payloads of the ticket's own events, written by `TicketDesk`.

extension TimelineEvent {
    /// `created`: what the ticket started as.
    struct Created: Codable, Sendable, Equatable {
        var subject: String
        var status: TicketStatus
        var priority: TicketPriority
        var channel: TicketChannel
        var requesterId: UUID
        @NullWhenAbsent var teamId: UUID?
        var tags: [String]

        enum CodingKeys: String, CodingKey {
            case subject, status, priority, channel, tags
            case requesterId = "requester_id", teamId = "team_id"
        }
    }

    /// `assigned` and `handed_off`: who had the ticket, who has it now.
    struct OwnershipChange: Sendable, Equatable {
        var before: Ownership
        var after: Ownership
        /// What the hand-off form records: present on every change made by a hand-off (also when
        /// it only routes a ticket that had neither owner nor team), absent on a first assignment.
        var handoff: Handoff?

        struct Handoff: Sendable, Equatable {
            /// The context note for the receiver; nil while a live transfer's note is still to come.
            var note: String?
            var noteMissing: Bool
            /// The ticket's hand-offs so far, this one included.
            var count: Int
        }
    }

    /// `status_changed`.
    struct StatusChange: Sendable, Equatable {
        var before: TicketStatus
        var after: TicketStatus
        /// A solved ticket the customer wrote to again.
        var reopened = false
    }

    /// `priority_changed`.
    struct PriorityChange: Codable, Sendable, Equatable {
        var before: TicketPriority
        var after: TicketPriority
    }

    /// `tagged`: the whole set of tags before and after, sorted.
    struct TagChange: Codable, Sendable, Equatable {
        var before: [String]
        var after: [String]
    }

    /// `team_changed`: a ticket without a team routed to one (moving it on is a hand-off).
    struct TeamChange: Codable, Sendable, Equatable {
        @NullWhenAbsent var before: Ownership?
        var after: Ownership
    }

    /// `custom_fields_changed`: the fields as they were (any JSON) and as they are.
    struct CustomFieldsChange: Codable, Sendable, Equatable {
        var before: JSONValue
        var after: [String: JSONValue]
    }

    /// `message_added` (a public message) and `note_added` (an internal note): the message is in
    /// `messages`, by id.
    struct NewMessage: Codable, Sendable, Equatable {
        var messageId: Int
        var visibility: MessageVisibility
        var channel: TicketChannel
        var authorType: Actor.Kind

        enum CodingKeys: String, CodingKey {
            case visibility, channel
            case messageId = "message_id", authorType = "author_type"
        }
    }
}

extension TimelineEvent.OwnershipChange: Codable {
    enum CodingKeys: String, CodingKey {
        case before, after, note
        case noteMissing = "note_missing", handoffCount = "handoff_count"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        before = try container.decode(TimelineEvent.Ownership.self, forKey: .before)
        after = try container.decode(TimelineEvent.Ownership.self, forKey: .after)
        if container.contains(.handoffCount) {
            handoff = Handoff(
                note: try container.decodeIfPresent(String.self, forKey: .note),
                noteMissing: try container.decode(Bool.self, forKey: .noteMissing),
                count: try container.decode(Int.self, forKey: .handoffCount))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        guard let handoff else { return }
        if let note = handoff.note { try container.encode(note, forKey: .note) } else { try container.encodeNil(forKey: .note) }
        try container.encode(handoff.noteMissing, forKey: .noteMissing)
        try container.encode(handoff.count, forKey: .handoffCount)
    }
}

extension TimelineEvent.StatusChange: Codable {
    enum CodingKeys: String, CodingKey { case before, after, reopened }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        before = try container.decode(TicketStatus.self, forKey: .before)
        after = try container.decode(TicketStatus.self, forKey: .after)
        reopened = try container.decodeIfPresent(Bool.self, forKey: .reopened) ?? false
    }

    /// `reopened` is written only when true.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        if reopened { try container.encode(true, forKey: .reopened) }
    }
}

extension TimelineEvent {
    /// The message a `message_added` or `note_added` shows; the timeline reads these messages with its events.
    var messageId: Int? {
        switch self {
        case .messageAdded(let added), .noteAdded(let added): added.messageId
        default: nil
        }
    }

    /// The context a hand-off, or an assignment made by the hand-off form, gave its receiver.
    var handoff: OwnershipChange.Handoff? {
        switch self {
        case .handedOff(let change), .assigned(let change): change.handoff
        default: nil
        }
    }
}
