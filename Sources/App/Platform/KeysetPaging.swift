import Foundation
import Vapor

/// Paging for lists that only grow, in id order (a ticket's messages and events): `limit` and an
/// opaque cursor holding the last id seen. A page never shifts when entries are added meanwhile,
/// and reading page n costs the same as page one, however long the ticket.
struct KeysetPaging {
    let limit: Int
    /// Only ids after this one; nil on the first page.
    let afterId: Int?

    static let defaultLimit = 100
    static let maxLimit = 500

    /// `kind` tells cursors of different lists apart, so a messages cursor is no events cursor.
    init(from request: Request, kind: String) throws {
        if let raw = request.query[String.self, at: "limit"] {
            guard let limit = Int(raw), (1...Self.maxLimit).contains(limit) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to \(Self.maxLimit)")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        self.kind = kind
        if let raw = request.query[String.self, at: "cursor"] {
            guard let id = Self.decode(raw, kind: kind) else {
                throw RequestError(.badRequest, "invalid_cursor", "cursor is not one this API gave out", field: "cursor")
            }
            afterId = id
        } else {
            afterId = nil
        }
    }

    private let kind: String

    /// The rows of this page and the cursor of the next, given up to `limit + 1` rows fetched in id order.
    func page<Row>(_ fetched: [Row], id: (Row) -> Int?) -> (rows: [Row], nextCursor: String?) {
        let rows = Array(fetched.prefix(limit))
        guard fetched.count > limit, let last = rows.last.flatMap(id) else { return (rows, nil) }
        return (rows, Data("\(kind):\(last)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: ""))
    }

    private static func decode(_ cursor: String, kind: String) -> Int? {
        let padded = cursor + String(repeating: "=", count: (4 - cursor.count % 4) % 4)
        guard cursor.count <= 40, let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8),
            text.hasPrefix(kind + ":"), let id = Int(text.dropFirst(kind.count + 1)), id >= 0
        else { return nil }
        return id
    }
}
