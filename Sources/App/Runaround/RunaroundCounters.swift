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
    /// What an event changes in the counters; nil for the events that count nothing, which cost nothing.
    private enum Count {
        /// `created` only makes sure the row exists.
        case row
        case handoff(newOwner: UUID?)
        case owner(UUID?)
        case reopening
        /// A resolution counts nothing but ends the "contacts while unresolved" alert.
        case verdict
        case contact(channel: String)
        case holdWithoutWaitTold
        case brokenPromise
    }

    private static func count(_ event: TimelineEvent) -> Count? {
        switch event {
        case .created: .row
        case .handedOff(let change): .handoff(newOwner: change.after.ownerId)
        case .assigned(let change): .owner(change.after.ownerId)
        case .statusChanged(let change) where change.reopened: .reopening
        // Most status changes count nothing; skip the row's read and write for them.
        case .statusChanged(let change): change.after == .solved || change.after == .closed ? .verdict : nil
        case .messageAdded(let message) where message.authorType == .customer && message.visibility == .public:
            .contact(channel: message.channel.rawValue)
        case .callStarted(let call) where call.countsAsContact: .contact(channel: TicketChannel.phone.rawValue)
        case .holdWithoutWaitTold: .holdWithoutWaitTold
        case .promiseBroken: .brokenPromise
        default: nil
        }
    }

    static func observe(_ event: TimelineEvent, on ticket: Ticket, desk: TicketDesk) async throws {
        guard let count = count(event) else { return }
        let ticketId = try ticket.requireID()
        let row = try await TicketRunaround.find(ticketId, on: desk.db) ?? TicketRunaround(ticketId: ticketId, at: desk.now)
        switch count {
        case .row, .verdict:
            break
        case .handoff(let newOwner):
            row.handoffs += 1
            try await countOwner(newOwner, ticketId: ticketId, row: row, db: desk.db)
        case .owner(let newOwner):
            try await countOwner(newOwner, ticketId: ticketId, row: row, db: desk.db)
        case .reopening:
            row.reopenings += 1
        case .contact(let channel):
            countContact(channel: channel, row: row)
        case .holdWithoutWaitTold:
            row.holdsWithoutWaitTold += 1
        case .brokenPromise:
            row.brokenPromises += 1
        }
        let flagged = judge(row, ticket: ticket, now: desk.now)
        try await row.save(on: desk.db)
        if let flagged { try await desk.record(.runaroundFlagged(flagged), on: ticket) }
    }

    /// The counters of a ticket being opened with its customer's first message: what `observe`
    /// makes of `created` and then that `message_added`, without reading a row that cannot exist
    /// yet. Also the payload of a `runaround_flagged` event, if the ticket starts flagged.
    static func opening(_ ticket: Ticket, channel: String, at now: Date) throws -> (row: TicketRunaround, flagged: TimelineEvent.RunaroundFlag?) {
        let row = TicketRunaround(ticketId: try ticket.requireID(), at: now)
        var flagged = judge(row, ticket: ticket, now: now)
        countContact(channel: channel, row: row)
        flagged = judge(row, ticket: ticket, now: now) ?? flagged
        return (row, flagged)
    }

    /// Sets the row's verdict as of `now`; returns the payload of the `runaround_flagged` event the
    /// first time the ticket is flagged.
    private static func judge(_ row: TicketRunaround, ticket: Ticket, now: Date) -> TimelineEvent.RunaroundFlag? {
        let wasEverFlagged = row.firstFlaggedAt != nil
        let runaround = RunaroundIndex(factors: row.factors(daysOpen: 0), isResolved: !ticket.status.isUnresolved)
        row.flagged = runaround.flagged
        row.indexTenths = Int((runaround.index * 10).rounded())
        row.updatedAt = now
        guard runaround.flagged && !wasEverFlagged else { return nil }
        row.firstFlaggedAt = now
        return TimelineEvent.RunaroundFlag(index: runaround.index, reasons: runaround.reasons)
    }

    private static func countContact(channel: String, row: TicketRunaround) {
        row.customerContacts += 1
        if let last = row.lastContactChannel, last != channel { row.channelSwitches += 1 }
        row.lastContactChannel = channel
    }

    private static func countOwner(_ ownerId: UUID?, ticketId: UUID, row: TicketRunaround, db: any Database) async throws {
        guard let ownerId else { return }
        let known = try await TicketOwnerRecord.query(on: db).filter(\.$ticketId == ticketId).filter(\.$userId == ownerId).count()
        guard known == 0 else { return }
        try await TicketOwnerRecord(ticketId: ticketId, userId: ownerId).create(on: db)
        row.distinctOwners += 1
    }
}
