import Fluent
import FrontlineCore
import Vapor

/// The part of a ticket's timeline one page shows: the latest entries, or the ones before an entry
/// that the "older entries" link names. A ticket with thousands of messages still loads in a few
/// bounded reads, and only the messages the shown entries refer to are read.
struct TimelineWindow {
    /// Entries per page.
    static let size = 100

    let events: [TicketEvent]
    let messages: [Int: Message]
    /// The id of the first shown entry when older entries exist: the "older entries" link shows
    /// the entries before it.
    let olderBefore: Int?
    /// The window ends with the ticket's newest entry; live entries append to it.
    let isLatest: Bool

    static func load(ticketId: UUID, before: Int?, on db: any Database) async throws -> TimelineWindow {
        let query = TicketEvent.query(on: db).filter(\.$ticketId == ticketId)
        if let before { query.filter(\.$id < before) }
        let newestFirst = try await query.sort(\.$id, .descending).limit(size + 1).all()
        let events = Array(newestFirst.prefix(size).reversed())
        let messageIds = events.compactMap { $0.timelineEvent?.messageId }
        let messages = messageIds.isEmpty ? [] : try await Message.query(on: db).filter(\.$id ~~ messageIds).all()
        return TimelineWindow(
            events: events, messages: Dictionary(uniqueKeysWithValues: messages.compactMap { m in m.id.map { ($0, m) } }),
            olderBefore: newestFirst.count > size ? events.first?.id : nil, isLatest: before == nil)
    }

    /// The latest hand-off, or assignment with a note, whose context the receiver needs first,
    /// however far back in the timeline it is.
    static func lastHandoff(ticketId: UUID, on db: any Database) async throws -> TicketEvent? {
        try await TicketEvent.query(on: db).filter(\.$ticketId == ticketId)
            .filter(\.$kind ~~ [EventKind.handedOff.rawValue, EventKind.assigned.rawValue])
            .sort(\.$id, .descending).limit(50).all()
            .first { row in
                switch row.timelineEvent {
                case .handedOff?: true
                case .assigned(let change)?: change.handoff != nil
                default: false
                }
            }
    }

    /// `?before=` of the ticket page: an entry id, or absent for the latest entries.
    static func before(_ request: Request) throws -> Int? {
        guard let raw = request.query[String.self, at: "before"] else { return nil }
        guard let id = Int(raw), id > 0 else { throw WebError.badRequest("before must be the id of a timeline entry") }
        return id
    }
}
