import Fluent
import FrontlineCore
import Foundation

/// The context note of a live transfer, written by the agent after the call (there is no time to
/// type it while the customer is being put through). A transfer gets one note; it goes on the
/// timeline as `handoff_note_added`. The API and the ticket page both add notes through here.
struct TransferNotes {
    let desk: TicketDesk
    var db: any Database { desk.db }

    /// Adds the note; `ticketId`, when given, is the ticket the call must be on.
    @discardableResult
    func add(_ rawNote: String?, callId: UUID, transferId: UUID, onTicket ticketId: UUID? = nil) async throws -> PhoneCall {
        guard let note = HandoffRule.contextNote(rawNote), note.unicodeScalars.count <= 10_000 else { throw TicketError.noteRequired }
        guard let call = try await PhoneCall.find(callId, on: db), let callTicketId = call.ticketId,
            ticketId == nil || ticketId == callTicketId
        else { throw RequestError.notFound("call") }
        let ticket = try await desk.ticketForChange(callTicketId)
        guard let transfer = try await CallTransfer.find(transferId, on: db), transfer.callId == callId else {
            throw RequestError.notFound("transfer")
        }
        guard transfer.note == nil else { throw CallError.noteAlreadyGiven }
        transfer.note = note
        transfer.notedAt = desk.now
        try await transfer.save(on: db)
        try await desk.record(.handoffNoteAdded(.init(callId: callId, transferId: transferId, note: note)), on: ticket)
        return call
    }
}
