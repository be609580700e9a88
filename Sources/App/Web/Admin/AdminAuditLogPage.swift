import Fluent
import Vapor

/// `/admin/audit-log`: who changed users, tokens, teams, settings and SLA rules, and how; newest
/// first, filtered by person and kind, for admins.
enum AdminAuditLogPage {
    @Sendable static func show(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        let parameters = req.queryParameters
        let query: AuditQuery
        do {
            query = try AuditQuery(actorId: parameters["actor_id"], kind: parameters["kind"], cursor: parameters["cursor"], limit: nil)
        } catch let error as RequestError {
            throw WebError.badRequest(error.reason)
        }
        let (entries, next) = try await query.page(on: req.db)
        let staff = try await User.query(on: req.db).sort(\.$name).all()
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: "admin-audit")
        let zone = try await DeskSettings.load(on: req.db).zone
        let rows: [Markup] = entries.map { entry in
            let action = AuditAction(rawValue: entry.kind)?.sentence ?? entry.kind
            return """
                <tr><td>\(Format.time(entry.at, now: req.now, zone: zone))</td><td>\(entry.actorName)</td>
                  <td>\(action) <span class="muted small">\(entry.subjectType)\(entry.subjectId.map { " " + $0 } ?? "")</span></td>
                  <td>\(change(before: entry.before, after: entry.after))</td></tr>
                """
        }
        let people = [("", "Anyone")] + staff.compactMap { user in user.id.map { ($0.uuidString, user.name) } }
        let kinds = [("", "Every kind")] + AuditAction.allCases.map { ($0.rawValue, $0.sentence.prefix(1).uppercased() + $0.sentence.dropFirst()) }
        let more: Markup = next.map { cursor in
            let link = WebRoute.admin(.auditLog).query(["cursor": cursor, "actor_id": query.actorId, "kind": query.kind?.rawValue])
            return "<p><a href=\"\(link)\">Older entries</a></p>"
        } ?? .empty
        let table: Markup = rows.isEmpty ? "<p class=\"muted\">No administrative action matches.</p>" : """
            <table class="tickets admin"><caption class="visually-hidden">Administrative actions, newest first</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Change</th></tr></thead>
              <tbody>\(rows)</tbody></table>
            """
        return Layout.desk(req, frame, title: "Audit log", main: """
            <div class="page-head"><h1>Audit log</h1></div>
            <form method="get" action="\(WebRoute.admin(.auditLog))" class="filters">
              <label for="audit-actor">Who</label><select id="audit-actor" name="actor_id">\(Format.options(people, selected: query.actorId?.uuidString ?? ""))</select>
              <label for="audit-kind">What</label><select id="audit-kind" name="kind">\(Format.options(kinds, selected: query.kind?.rawValue ?? ""))</select>
              <button type="submit">Filter</button>
            </form>
            \(table)
            \(more)
            """).response()
    }

    /// The fields that changed, as "field: before → after"; the whole record when one side is missing.
    private static func change(before: String?, after: String?) -> Markup {
        let old = fields(before)
        let new = fields(after)
        let keys = Set(old.keys).union(new.keys).sorted().filter { old[$0] != new[$0] }
        let lines: [Markup] = keys.map { key in
            switch (old[key], new[key]) {
            case let (was?, now?): "<li><code>\(key)</code>: \(was) → \(now)</li>"
            case let (nil, now?): "<li><code>\(key)</code>: \(now)</li>"
            case let (was?, nil): "<li><code>\(key)</code>: <s>\(was)</s></li>"
            case (nil, nil): .empty
            }
        }
        return lines.isEmpty ? .empty : "<ul class=\"plain small\">\(lines)</ul>"
    }

    private static func fields(_ json: String?) -> [String: String] {
        guard let json, case .object(let object) = JSONValue(storedText: json) else { return [:] }
        return object.mapValues(text)
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "none"
        case .bool(let value): value ? "yes" : "no"
        case .number(let value): value.rounded() == value ? String(Int(value)) : String(value)
        case .string(let value): value
        case .array(let values): values.map(text).joined(separator: ", ")
        case .object(let object): object.keys.sorted().map { "\($0)=\(text(object[$0]!))" }.joined(separator: " ")
        }
    }
}
