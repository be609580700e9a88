import Vapor

/// Paging for the small directories (customers, organizations): `limit` and an opaque cursor
/// holding the offset. Tickets page by number instead (see `TicketFilter`).
struct ListPaging {
    let limit: Int
    let offset: Int

    init(from request: Request, defaultLimit: Int = 50, maxLimit: Int = 500) throws {
        if let raw = try? request.query.get(String.self, at: "limit") {
            guard let limit = Int(raw), (1...maxLimit).contains(limit) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to \(maxLimit)")
            }
            self.limit = limit
        } else {
            limit = defaultLimit
        }
        if let raw = try? request.query.get(String.self, at: "cursor") {
            guard let data = Data(base64Encoded: raw), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("o:"), let offset = Int(text.dropFirst(2)), offset >= 0
            else { throw RequestError(.badRequest, "invalid_cursor", "cursor is not one this API gave out", field: "cursor") }
            self.offset = offset
        } else {
            offset = 0
        }
    }

    /// The cursor of the next page, given how many rows this page fetched (asked for `limit + 1`).
    func nextCursor(fetched: Int) -> String? {
        fetched > limit ? Data("o:\(offset + limit)".utf8).base64EncodedString() : nil
    }
}
