import Fluent
import FrontlineCore
import Foundation

extension TicketDesk {
    /// What an event sets off beyond the timeline, in the same transaction: runaround counters,
    /// SLA clocks, and the commitments a public staff reply fulfils (update promises, escalations
    /// on written channels). Every surface records through the desk, so every surface gets this.
    func follow(_ event: TimelineEvent, on ticket: Ticket) async throws {
        try await RunaroundCounters.observe(event, on: ticket, desk: self)
        try await SLAClocks(desk: self).observe(event, on: ticket)
        try await settle(event, on: ticket)
    }

    /// What an event sets off beyond the runaround counters and SLA clocks: each feature decides
    /// what the event means for it. Opening a ticket (`open`) computes its counters and clocks in one
    /// go and then calls this for each of its events, so a follow-up added here (not in `follow`)
    /// happens on every surface, creation included.
    func settle(_ event: TimelineEvent, on ticket: Ticket) async throws {
        try await PromiseBook(desk: self).follow(event, on: ticket)
        try await EscalationDesk(desk: self).follow(event, on: ticket)
    }
}

extension TimelineEvent {
    /// A public reply written by staff: what keeps update promises and answers written escalations.
    var isPublicStaffReply: Bool {
        guard case .messageAdded(let message) = self else { return false }
        return message.authorType == .user && message.visibility == .public
    }
}
