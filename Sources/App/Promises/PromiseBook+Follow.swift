
extension PromiseBook {
    /// What a ticket event means for the ticket's promises; the desk calls this for every event, in
    /// the event's transaction (`TicketDesk.settle`). A public staff reply keeps the pending update
    /// promises that are not yet due.
    func follow(_ event: TimelineEvent, on ticket: Ticket) async throws {
        guard event.isPublicStaffReply else { return }
        try await keepUpdates(after: now, on: ticket)
    }
}
