import Fluent
import Vapor

/// `GET /api/v1/runaround`: the leads' list of tickets that have bounced their customer around,
/// most severe first.
enum RunaroundController {
    @Sendable static func list(req: Request) async throws -> TicketPage {
        _ = try req.staff(atLeast: .lead)
        var limit = 50
        if let raw = try? req.query.get(String.self, at: "limit") {
            guard let value = Int(raw), (1...200).contains(value) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to 200")
            }
            limit = value
        }
        let rows = try await TicketRunaround.query(on: req.db)
            .filter(\.$flagged == true)
            .sort(\.$indexTenths, .descending)
            .limit(limit)
            .all()
        let ids = try rows.map { try $0.requireID() }
        let tickets = ids.isEmpty ? [] : try await Ticket.query(on: req.db).filter(\.$id ~~ ids).all()
        let dtos = try await TicketPresenter.dtos(tickets, on: req.db)
        // The live index adds days open; ties go to the older ticket.
        let sorted = dtos.sorted { ($0.runaround.index, -$0.createdAt.timeIntervalSince1970) > ($1.runaround.index, -$1.createdAt.timeIntervalSince1970) }
        return TicketPage(tickets: sorted, nextCursor: nil)
    }
}
