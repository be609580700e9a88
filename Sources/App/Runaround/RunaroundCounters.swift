import Fluent
import FrontlineCore
import Foundation

/// Keeps a ticket's runaround counters in step with its timeline: each event kind that counts
/// updates the `ticket_runaround` row in the same transaction, and the first time the ticket
/// passes a threshold a `runaround_flagged` event goes on the timeline.
///
/// The stored `flagged` (what `?flagged=runaround` and the Runaround list read, by index) is the
/// verdict as of the latest counted event, without the days-open term; the ticket DTO recomputes
/// the index live with days open, so a ticket that only ages past the index threshold shows as
/// flagged on the ticket before it enters the list (it does at its next counted event).
///
/// What counts: `handed_off` (hand-offs, and a new owner), `assigned` (a new owner), a customer's
/// public `message_added` (a contact; a switch when its channel differs from the last contact's),
/// an inbound `call_started` on an existing ticket (a phone contact), `status_changed` with
/// `reopened` (a resolution only redoes the verdict), `hold_without_wait_told`, `promise_broken`.
enum RunaroundCounters {
    /// The event kinds that change a counter; every other kind costs nothing.
    static let countedKinds: Set<String> = [
        EventKind.created.rawValue, EventKind.assigned.rawValue, EventKind.handedOff.rawValue,
        EventKind.statusChanged.rawValue, EventKind.messageAdded.rawValue,
        "call_started", "hold_without_wait_told", "promise_broken",
    ]

    static func observe(_ kind: String, data: [String: JSONValue], on ticket: Ticket, desk: TicketDesk) async throws {
        guard countedKinds.contains(kind) else { return }
        // Most status changes count nothing; skip the row's read and write for them. A resolution
        // counts nothing either but ends the "contacts while unresolved" alert, so the verdict is redone.
        let reopened = data["reopened"] == .bool(true)
        let resolved = data["after"] == .string(TicketStatus.solved.rawValue) || data["after"] == .string(TicketStatus.closed.rawValue)
        if kind == EventKind.statusChanged.rawValue, !reopened, !resolved { return }
        let ticketId = try ticket.requireID()
        let row = try await TicketRunaround.find(ticketId, on: desk.db) ?? TicketRunaround(ticketId: ticketId, at: desk.now)
        switch kind {
        case EventKind.handedOff.rawValue:
            row.handoffs += 1
            try await countOwner(data["after"], ticketId: ticketId, row: row, db: desk.db)
        case EventKind.assigned.rawValue:
            try await countOwner(data["after"], ticketId: ticketId, row: row, db: desk.db)
        case EventKind.statusChanged.rawValue:
            if reopened { row.reopenings += 1 }
        case EventKind.messageAdded.rawValue:
            guard data["author_type"] == .string(Actor.Kind.customer.rawValue), data["visibility"] == .string("public"),
                case .string(let channel)? = data["channel"]
            else { return }
            countContact(channel: channel, row: row)
        case "call_started":
            guard data["counts_as_contact"] == .bool(true) else { return }
            countContact(channel: TicketChannel.phone.rawValue, row: row)
        case "hold_without_wait_told":
            row.holdsWithoutWaitTold += 1
        case "promise_broken":
            row.brokenPromises += 1
        default:
            break  // `created` only makes sure the row exists.
        }
        let flagged = judge(row, ticket: ticket, now: desk.now)
        try await row.save(on: desk.db)
        if let flagged { try await desk.record("runaround_flagged", on: ticket, flagged) }
    }

    /// The counters of a ticket being opened with its customer's first message: what `observe`
    /// makes of `created` and then that `message_added`, without reading a row that cannot exist
    /// yet. Also the data of a `runaround_flagged` event, if the ticket starts flagged.
    static func opening(_ ticket: Ticket, channel: String, at now: Date) throws -> (row: TicketRunaround, flagged: [String: JSONValue]?) {
        let row = TicketRunaround(ticketId: try ticket.requireID(), at: now)
        var flagged = judge(row, ticket: ticket, now: now)
        countContact(channel: channel, row: row)
        flagged = judge(row, ticket: ticket, now: now) ?? flagged
        return (row, flagged)
    }

    /// Sets the row's verdict as of `now`; returns the data of the `runaround_flagged` event the
    /// first time the ticket is flagged.
    private static func judge(_ row: TicketRunaround, ticket: Ticket, now: Date) -> [String: JSONValue]? {
        let wasEverFlagged = row.firstFlaggedAt != nil
        let runaround = RunaroundIndex(factors: row.factors(daysOpen: 0), isResolved: !ticket.status.isUnresolved)
        row.flagged = runaround.flagged
        row.indexTenths = Int((runaround.index * 10).rounded())
        row.updatedAt = now
        guard runaround.flagged && !wasEverFlagged else { return nil }
        row.firstFlaggedAt = now
        return ["index": .number(runaround.index), "reasons": .array(runaround.reasons.map { .string($0) })]
    }

    private static func countContact(channel: String, row: TicketRunaround) {
        row.customerContacts += 1
        if let last = row.lastContactChannel, last != channel { row.channelSwitches += 1 }
        row.lastContactChannel = channel
    }

    private static func countOwner(_ after: JSONValue?, ticketId: UUID, row: TicketRunaround, db: any Database) async throws {
        guard case .object(let fields)? = after, case .string(let raw)? = fields["owner_id"], let ownerId = UUID(uuidString: raw) else {
            return
        }
        let known = try await TicketOwnerRecord.query(on: db).filter(\.$ticketId == ticketId).filter(\.$userId == ownerId).count()
        guard known == 0 else { return }
        try await TicketOwnerRecord(ticketId: ticketId, userId: ownerId).create(on: db)
        row.distinctOwners += 1
    }
}
