import Fluent
import FrontlineCore
import Foundation

extension TicketDesk {
    /// The fields a ticket update may change; nil means "leave as it is".
    struct Changes: Sendable {
        var status: TicketStatus?
        var priority: TicketPriority?
        var tags: [String]?
        var teamId: UUID?
        var customFields: [String: JSONValue]?
    }

    /// Applies an update, recording one event per field that really changed.
    func update(_ ticket: Ticket, with changes: Changes) async throws {
        try ensureOpenForChange(ticket)
        if let teamId = changes.teamId, teamId != ticket.teamId {
            // Routing an unrouted ticket is fine; moving a routed one needs the hand-off's note.
            guard ticket.teamId == nil else { throw TicketError.teamChangeIsHandoff }
            guard let team = try await Team.find(teamId, on: db) else {
                throw TicketError.invalid(field: "team_id", reason: "no team has that id")
            }
            ticket.teamId = teamId
            try await record(.teamChanged(.init(before: nil, after: .init(owner: .unrecorded, team: .named(id: teamId, name: team.name)))), on: ticket)
        }
        if let priority = changes.priority, priority != ticket.priority {
            try await record(.priorityChanged(.init(before: ticket.priority, after: priority)), on: ticket)
            ticket.priority = priority
        }
        if let raw = changes.tags {
            try await replaceTags(of: ticket, with: try TicketInput.tags(raw))
        }
        if let fields = changes.customFields {
            let after = try TicketInput.customFields(fields)
            let before = JSONValue(storedText: ticket.customFields)
            if before != .object(after) {
                ticket.customFields = JSONValue.object(after).storedText
                try await record(.customFieldsChanged(.init(before: before, after: after)), on: ticket)
            }
        }
        if let status = changes.status {
            try await changeStatus(of: ticket, to: status)
        }
        ticket.updatedAt = now
        try await ticket.save(on: db)
    }

    private func replaceTags(of ticket: Ticket, with tags: [String]) async throws {
        let ticketId = try ticket.requireID()
        let current = try await TicketTag.query(on: db).filter(\.$ticketId == ticketId).all()
        let before = current.map(\.tag).sorted()
        guard before != tags.sorted() else { return }
        let wanted = Set(tags)
        for tag in current where !wanted.contains(tag.tag) { try await tag.delete(on: db) }
        for tag in tags where !before.contains(tag) { try await TicketTag(ticket: ticket, tag: tag).create(on: db) }
        try await record(.tagged(.init(before: before, after: tags.sorted())), on: ticket)
    }
}
