import Fluent
import Vapor

/// `GET /api/v1/audit-log`: administrative actions, newest first, for admins. Filters by actor and
/// kind; pages with an opaque cursor that keeps its place while new entries arrive.
enum AuditLogController {
    struct EntryDTO: Content {
        let id: Int
        let at: Date
        let actorId: UUID?
        let actorName: String
        let kind: String
        let subjectType: String
        let subjectId: String?
        let before: JSONValue?
        let after: JSONValue?

        enum CodingKeys: String, CodingKey {
            case id, at, kind, before, after
            case actorId = "actor_id", actorName = "actor_name", subjectType = "subject_type", subjectId = "subject_id"
        }

        init(_ entry: AuditEntry) throws {
            id = try entry.requireID()
            at = entry.at
            actorId = entry.actorId
            actorName = entry.actorName
            kind = entry.kind
            subjectType = entry.subjectType
            subjectId = entry.subjectId
            before = entry.before.map(JSONValue.init(storedText:))
            after = entry.after.map(JSONValue.init(storedText:))
        }
    }

    struct EntryPage: Content {
        let entries: [EntryDTO]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case entries, nextCursor = "next_cursor"
        }
    }

    @Sendable static func list(req: Request) async throws -> EntryPage {
        _ = try req.staff(atLeast: .admin)
        let query = try AuditQuery(actorId: req.query["actor_id"], kind: req.query["kind"], cursor: req.query["cursor"], limit: req.query["limit"])
        let (entries, next) = try await query.page(on: req.db)
        return EntryPage(entries: try entries.map(EntryDTO.init), nextCursor: next)
    }
}

/// One page of the audit log, as the API and the admin page ask for it.
struct AuditQuery {
    let actorId: UUID?
    let kind: AuditAction?
    /// Entries older than this id (the last one of the previous page).
    let before: Int?
    let limit: Int

    init(actorId rawActor: String?, kind rawKind: String?, cursor: String?, limit rawLimit: String?) throws {
        actorId = try rawActor.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let id = UUID(uuidString: raw) else { throw RequestError.invalid("actor_id", "actor_id must be a user id") }
            return id
        }
        kind = try rawKind.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let kind = AuditAction(rawValue: raw) else {
                throw RequestError.invalid("kind", "kind must be one of \(AuditAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        before = try cursor.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let data = Data(base64Encoded: raw), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("a:"), let id = Int(text.dropFirst(2)), id > 0
            else { throw RequestError(.badRequest, "invalid_cursor", "cursor is not one this API gave out", field: "cursor") }
            return id
        }
        if let rawLimit {
            guard let limit = Int(rawLimit), (1...200).contains(limit) else {
                throw RequestError.invalid("limit", "limit must be a whole number from 1 to 200")
            }
            self.limit = limit
        } else {
            limit = 50
        }
    }

    /// The entries of this page and the cursor of the next one, if there is more.
    func page(on db: any Database) async throws -> ([AuditEntry], String?) {
        var query = AuditEntry.query(on: db).sort(\.$id, .descending).limit(limit + 1)
        if let actorId { query = query.filter(\.$actorId == actorId) }
        if let kind { query = query.filter(\.$kind == kind.rawValue) }
        if let before { query = query.filter(\.$id < before) }
        let rows = try await query.all()
        let entries = Array(rows.prefix(limit))
        let next = rows.count > limit ? entries.last?.id.map { Data("a:\($0)".utf8).base64EncodedString() } : nil
        return (entries, next)
    }
}
