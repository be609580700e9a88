
extension EscalationDesk {
    /// What a ticket event means for the ticket's escalations; the desk calls this for every event,
    /// in the event's transaction (`TicketDesk.settle`). A public staff reply answers the escalations
    /// on written channels.
    func follow(_ event: TimelineEvent, on ticket: Ticket) async throws {
        guard event.isPublicStaffReply else { return }
        try await answerInWriting(ticket: ticket)
    }
}
