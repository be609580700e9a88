import Vapor

/// `GET /api/v1/runaround`: the leads' list of tickets that have bounced their customer around,
/// most severe first.
enum RunaroundController {
    @Sendable static func list(req: Request) async throws -> TicketPage {
        _ = try req.staff(atLeast: RunaroundList.role)
        var limit = 50
        if let raw = try? req.query.get(String.self, at: "limit") {
            guard let value = Int(raw), (1...200).contains(value) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to 200")
            }
            limit = value
        }
        let sorted = try await RunaroundList.flagged(limit: limit, on: req.db, now: req.now)
        return TicketPage(tickets: sorted, nextCursor: nil)
    }
}
