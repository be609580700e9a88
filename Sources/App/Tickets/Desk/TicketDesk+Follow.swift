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

    /// What an event sets off beyond the runaround counters and SLA clocks. Opening a ticket
    /// (`open`) computes its counters and clocks in one go and then calls this for each of its
    /// events, so a follow-up added here (not in `follow`) happens on every surface, creation included.
    func settle(_ event: TimelineEvent, on ticket: Ticket) async throws {
        if case .messageAdded(let message) = event, message.authorType == .user, message.visibility == .public {
            try await PromiseBook(desk: self).keepUpdates(after: now, on: ticket)
            try await EscalationDesk(desk: self).answerInWriting(ticket: ticket)
        }
    }
}
