import Vapor

/// The part of a ticket's timeline one page shows: the latest entries, or the ones before an entry
/// that the "older entries" link names (read by `TicketPageRows.timeline`). A ticket with thousands
/// of messages still loads in a few bounded reads.
enum TimelineWindow {
    /// Entries per page.
    static let size = 100

    /// `?before=` of the ticket page: an entry id, or absent for the latest entries.
    static func before(_ request: Request) throws -> Int? {
        guard let raw = request.query[String.self, at: "before"] else { return nil }
        guard let id = Int(raw), id > 0 else { throw WebError.badRequest("before must be the id of a timeline entry") }
        return id
    }
}
