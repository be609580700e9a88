import Fluent
import FluentSQL
import FrontlineCore
import Foundation

/// Reads one page of a desk list. Each status is read as its own keyset range (the indexes lead
/// with status, see `AddDeskListIndexes`) and the ranges are merged here, so no query has to sort
/// the whole open backlog: a page costs a handful of index seeks at any backlog size.
struct DeskList {
    let db: any Database
    let user: User
    /// The teams the user belongs to, for "My team".
    let teamIds: [UUID]

    struct Page: Sendable {
        let tickets: [Ticket]
        let next: DeskCursor?
    }

    func page(_ query: DeskListQuery) async throws -> Page {
        var rows: [Ticket] = []
        for status in query.statuses {
            rows += try await range(query, status: status)
        }
        rows.sort { Self.precedes($0, $1, query.sort) }
        let page = Array(rows.prefix(query.limit))
        let next = rows.count > query.limit ? page.last.map { DeskCursor.of($0, sort: query.sort) } : nil
        return Page(tickets: page, next: next)
    }

    /// How many tickets the view holds (all statuses it covers).
    func count(_ view: DeskViewKind) async throws -> Int {
        var query = DeskListQuery(view: view)
        query.limit = 0
        let builder = Ticket.query(on: db).filter(\.$status ~~ query.statuses)
        guard scope(builder, to: view) else { return 0 }
        return try await builder.count()
    }

    /// Tickets of the view created after `number`, newest last (the live stream of a list).
    func arrivals(_ query: DeskListQuery, after number: Int) async throws -> [Ticket] {
        let builder = Ticket.query(on: db).filter(\.$status ~~ query.statuses).filter(\.$number > number)
        guard scope(builder, to: query.view) else { return [] }
        filter(builder, query)
        return try await builder.sort(\.$number, .ascending).limit(50).all()
    }

    // MARK: one status

    private func range(_ query: DeskListQuery, status: TicketStatus) async throws -> [Ticket] {
        let want = query.limit + 1
        if query.sort == .priority {
            // Priorities are stored as words; read them urgent first, one index range each.
            var rows: [Ticket] = []
            let ranks = TicketPriority.allCases.sorted { $0.rank > $1.rank }
            for priority in ranks where rows.count < want {
                if let cursor = query.after, let rank = cursor.priorityRank, priority.rank > rank { continue }
                if let only = query.priority, only != priority { continue }
                let builder = base(query, status: status).filter(\.$priority == priority)
                if let cursor = query.after, cursor.priorityRank == priority.rank { builder.filter(\.$number < cursor.number) }
                rows += try await builder.sort(\.$number, .descending).limit(want - rows.count).all()
            }
            return rows
        }
        let builder = base(query, status: status)
        switch query.sort {
        case .newest:
            if let cursor = query.after { builder.filter(\.$number < cursor.number) }
            builder.sort(\.$number, .descending)
        case .oldest:
            if let cursor = query.after { builder.filter(\.$number > cursor.number) }
            builder.sort(\.$number, .ascending)
        case .waiting:
            if let cursor = query.after {
                let contact: SQLQueryString = "(SELECT \(ident: "c").\(ident: "last_customer_contact_at") FROM \(ident: Ticket.schema) AS \(ident: "c") WHERE \(ident: "c").\(ident: "number") = \(bind: cursor.number))"
                let column: SQLQueryString = "\(ident: Ticket.schema).\(ident: "last_customer_contact_at")"
                let number: SQLQueryString = "\(ident: Ticket.schema).\(ident: "number")"
                builder.filter(.sql(embed: "(\(column) > \(contact) OR (\(column) = \(contact) AND \(number) > \(bind: cursor.number)))"))
            }
            builder.sort(\.$lastCustomerContactAt, .ascending).sort(\.$number, .ascending)
        case .priority:
            break
        }
        return try await builder.limit(want).all()
    }

    private func base(_ query: DeskListQuery, status: TicketStatus) -> QueryBuilder<Ticket> {
        let builder = Ticket.query(on: db).filter(\.$status == status)
        if !scope(builder, to: query.view) { builder.filter(\.$number < 0) }
        filter(builder, query)
        return builder
    }

    /// Limits the query to the view; false when the view is empty by definition (no team).
    @discardableResult
    private func scope(_ builder: QueryBuilder<Ticket>, to view: DeskViewKind) -> Bool {
        switch view {
        case .mine:
            builder.filter(\.$ownerId == user.id)
        case .team:
            guard !teamIds.isEmpty else { return false }
            builder.filter(\.$teamId ~~ teamIds)
        case .unassigned:
            builder.filter(\.$ownerId == nil)
        case .open:
            break
        }
        return true
    }

    private func filter(_ builder: QueryBuilder<Ticket>, _ query: DeskListQuery) {
        if let priority = query.priority { builder.filter(\.$priority == priority) }
        if let tag = query.tag {
            builder.join(TicketTag.self, on: \Ticket.$id == \TicketTag.$ticketId).filter(TicketTag.self, \.$tag == tag)
        }
    }

    /// The list's order, the same one the per-status queries use.
    static func precedes(_ a: Ticket, _ b: Ticket, _ sort: DeskSort) -> Bool {
        switch sort {
        case .newest: return a.number > b.number
        case .oldest: return a.number < b.number
        case .priority:
            return a.priority.rank != b.priority.rank ? a.priority.rank > b.priority.rank : a.number > b.number
        case .waiting:
            let x = a.lastCustomerContactAt ?? a.createdAt, y = b.lastCustomerContactAt ?? b.createdAt
            return x != y ? x < y : a.number < b.number
        }
    }
}

extension DeskListQuery {
    /// A query of a built-in view with its defaults.
    init(view: DeskViewKind) {
        self.view = view
    }
}
