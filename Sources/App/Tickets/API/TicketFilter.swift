import Fluent
import FrontlineCore
import Vapor

/// The query of `GET /tickets`: filters, page size and an opaque cursor.
///
/// Pages run newest first by ticket number. The cursor is the last number seen, so a page never
/// shifts when tickets are created meanwhile: new tickets have higher numbers and land on page one.
struct TicketFilter {
    var status: TicketStatus?
    var ownerId: UUID?
    var teamId: UUID?
    var requesterEmail: String?
    var tag: String?
    /// `flagged=runaround`: only tickets past a runaround threshold.
    var flaggedRunaround = false
    var limit = 50
    var afterNumber: Int?

    static let maxLimit = 200

    init(from request: Request) throws {
        let query = request.query
        if let raw = try? query.get(String.self, at: "status") {
            guard let status = TicketStatus(rawValue: raw) else {
                throw RequestError.invalid("status", "status must be one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.status = status
        }
        ownerId = try Self.uuid(query, "owner_id")
        teamId = try Self.uuid(query, "team_id")
        requesterEmail = try? query.get(String.self, at: "requester_email")
        tag = (try? query.get(String.self, at: "tag"))?.lowercased()
        if let raw = try? query.get(String.self, at: "flagged") {
            guard raw == "runaround" else { throw RequestError.invalid("flagged", "flagged must be runaround") }
            flaggedRunaround = true
        }
        if let raw = try? query.get(String.self, at: "limit") {
            guard let limit = Int(raw), (1...Self.maxLimit).contains(limit) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to \(Self.maxLimit)")
            }
            self.limit = limit
        }
        if let raw = try? query.get(String.self, at: "cursor") {
            guard let number = TicketCursor.decode(raw) else {
                throw RequestError(.badRequest, "invalid_cursor", "cursor is not one this API gave out", field: "cursor")
            }
            afterNumber = number
        }
    }

    private static func uuid(_ query: URLQueryContainer, _ name: String) throws -> UUID? {
        guard let raw = try? query.get(String.self, at: name) else { return nil }
        guard let id = UUID(uuidString: raw) else { throw RequestError.invalid(name, "\(name) must be a UUID") }
        return id
    }
}

/// Encodes the position of a page as an opaque string.
enum TicketCursor {
    static func encode(_ number: Int) -> String {
        Data("t:\(number)".utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> Int? {
        let padded = cursor + String(repeating: "=", count: (4 - cursor.count % 4) % 4)
        guard cursor.count <= 32, let data = Data(base64Encoded: padded),
            let text = String(data: data, encoding: .utf8), text.hasPrefix("t:"),
            let number = Int(text.dropFirst(2)), number >= 0
        else { return nil }
        return number
    }
}
