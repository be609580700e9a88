import FrontlineCore
import Foundation

/// The shown part of a ticket's timeline as values: its entries in order and the messages they
/// refer to, the latest entries unless `?before=` asks for older ones (`TimelineWindow.size` a page).
struct TimelinePart: Sendable {
    let entries: [Entry]
    let messages: [Int: MessageEntry]
    /// The id of the first shown entry when older entries exist: the "older entries" link shows
    /// the entries before it.
    let olderBefore: Int?
    /// The part ends with the ticket's newest entry; live entries append to it.
    let isLatest: Bool

    /// One stored event, as it was written.
    struct Entry: Sendable {
        let id: Int
        let kind: String
        let actorType: String
        let actorId: UUID?
        let actorName: String
        let at: Date
        /// The event's JSON payload.
        let data: String
    }

    /// A message or note a `message_added` / `note_added` entry shows.
    struct MessageEntry: Sendable {
        let id: Int
        let visibility: MessageVisibility
        let authorType: String
        let authorId: UUID?
        let authorName: String
        let body: String
        let channel: TicketChannel
        let createdAt: Date
    }

    /// The entries through the desk's one timeline renderer (`Timeline`, shared with the live
    /// stream). It reads event and message models; they are built here in memory, never loaded,
    /// until the typed timeline events give the renderer values of its own.
    func rendered(ticketId: UUID, zone: TimeZone, now: Date) -> Markup {
        let events = entries.map { entry in
            let event = TicketEvent()
            event.id = entry.id
            event.ticketId = ticketId
            event.kind = entry.kind
            event.actorType = entry.actorType
            event.actorId = entry.actorId
            event.actorName = entry.actorName
            event.at = entry.at
            event.data = entry.data
            return event
        }
        let models = messages.mapValues { entry in
            let message = Message()
            message.id = entry.id
            message.ticketId = ticketId
            message.visibility = entry.visibility
            message.authorType = entry.authorType
            message.authorId = entry.authorId
            message.authorName = entry.authorName
            message.body = entry.body
            message.channel = entry.channel
            message.createdAt = entry.createdAt
            return message
        }
        return Timeline.entries(events, messages: models, zone: zone, now: now)
    }
}
