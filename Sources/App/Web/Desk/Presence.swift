import Fluent
import Vapor

/// Who else has a ticket open: the page's beacon refreshes a row every few seconds (and marks it
/// typing while the agent writes); the ticket stream warns the others.
enum Presence {
    /// A row older than this belongs to a closed tab.
    static let freshFor: TimeInterval = 20

    struct Beacon: Content {
        let typing: String?
    }

    /// `POST /desk/tickets/:number/presence`.
    @Sendable static func beacon(req: Request) async throws -> HTTPStatus {
        let user = try req.deskUser()
        let userId = try user.requireID()
        let number = try TicketPageController.number(req)
        let typing = (try? req.content.decode(Beacon.self))?.typing == "1"
        let name = user.name
        try await req.write { db in
            guard let ticketId = try await Ticket.query(on: db).filter(\.$number == number).first()?.requireID() else {
                throw WebError.notFound("ticket")
            }
            if let row = try await TicketPresence.query(on: db).filter(\.$ticketId == ticketId).filter(\.$userId == userId).first() {
                row.typing = typing
                row.seenAt = req.now
                try await row.save(on: db)
            } else {
                try await TicketPresence(ticketId: ticketId, userId: userId, userName: name, typing: typing, at: req.now).create(on: db)
            }
        }
        return .noContent
    }

    /// The collision warning, or "" when nobody else is there.
    static func warning(_ present: [TicketPresence]) -> String {
        guard !present.isEmpty else { return "" }
        let typing = present.filter(\.typing).map(\.userName).sorted()
        let viewing = present.filter { !$0.typing }.map(\.userName).sorted()
        var parts: [String] = []
        if !typing.isEmpty { parts.append("\(typing.joined(separator: ", ")) \(typing.count == 1 ? "is" : "are") typing on this ticket") }
        if !viewing.isEmpty { parts.append("\(viewing.joined(separator: ", ")) \(viewing.count == 1 ? "is" : "are") viewing this ticket") }
        return parts.joined(separator: "; ") + ". Check before you answer, so the customer does not get two replies."
    }
}
