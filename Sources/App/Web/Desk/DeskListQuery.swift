import Fluent
import FrontlineCore
import Foundation

/// The built-in desk views, in sidebar order.
enum DeskViewKind: String, CaseIterable, Sendable {
    case mine, team, unassigned, open

    var title: String {
        switch self {
        case .mine: "My tickets"
        case .team: "My team"
        case .unassigned: "Unassigned"
        case .open: "All open"
        }
    }
}

/// How a list is ordered. Age is the ticket number (numbers grow with creation time).
enum DeskSort: String, CaseIterable, Sendable {
    case newest, oldest, priority, waiting

    var title: String {
        switch self {
        case .newest: "Newest first"
        case .oldest: "Oldest first"
        case .priority: "Priority"
        case .waiting: "Longest since customer contact"
        }
    }
}

/// Which tickets a desk list shows and in what order: a view plus the filters an agent adds
/// (status, priority, tag), which a saved filter stores as the same query string.
struct DeskListQuery: Sendable {
    var view: DeskViewKind = .open
    var status: TicketStatus?
    var priority: TicketPriority?
    var tag: String?
    var sort: DeskSort = .newest
    var after: DeskCursor?
    var limit = 50

    static let unresolved: [TicketStatus] = TicketStatus.allCases.filter(\.isUnresolved)

    /// The statuses the list reads, one index range each.
    var statuses: [TicketStatus] { status.map { [$0] } ?? Self.unresolved }

    /// Reads the query string; anything unknown is a 400 page rather than a silently wrong list.
    init(parameters: [String: String], view defaultView: DeskViewKind? = nil) throws {
        if let raw = parameters["view"], !raw.isEmpty {
            guard let view = DeskViewKind(rawValue: raw) else { throw WebError.badRequest("There is no view called '\(raw)'.") }
            self.view = view
        } else if let defaultView {
            view = defaultView
        }
        if let raw = parameters["status"], !raw.isEmpty {
            guard let status = TicketStatus(rawValue: raw) else { throw WebError.badRequest("'\(raw)' is not a ticket status.") }
            self.status = status
        }
        if let raw = parameters["priority"], !raw.isEmpty {
            guard let priority = TicketPriority(rawValue: raw) else { throw WebError.badRequest("'\(raw)' is not a priority.") }
            self.priority = priority
        }
        if let raw = parameters["tag"]?.trimmingCharacters(in: .whitespaces).lowercased(), !raw.isEmpty {
            tag = raw
        }
        if let raw = parameters["sort"], !raw.isEmpty {
            guard let sort = DeskSort(rawValue: raw) else { throw WebError.badRequest("'\(raw)' is not a way to sort.") }
            self.sort = sort
        }
        if let raw = parameters["after"], !raw.isEmpty {
            guard let cursor = DeskCursor(raw, sort: sort) else { throw WebError.badRequest("That page link is not valid any more.") }
            after = cursor
        }
    }

    /// The filters as a query string (without the page position), for links and saved filters.
    var filterQuery: String {
        var items = ["view=\(view.rawValue)"]
        if let status { items.append("status=\(status.rawValue)") }
        if let priority { items.append("priority=\(priority.rawValue)") }
        if let tag, let escaped = tag.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { items.append("tag=\(escaped)") }
        if sort != .newest { items.append("sort=\(sort.rawValue)") }
        return items.joined(separator: "&")
    }
}

/// The position after the last row of a page, in the list's sort order: keyset paging, so a page
/// costs the same however deep it is and never shifts while tickets arrive. For the "customer
/// waiting" order the row's time is looked up by its number in the database itself, so the
/// comparison is between stored values (a time that made a round trip through a Double could
/// differ from the stored one by a rounding step).
struct DeskCursor: Sendable, Equatable {
    var number: Int
    var priorityRank: Int?

    init(number: Int, priorityRank: Int? = nil) {
        self.number = number
        self.priorityRank = priorityRank
    }

    init?(_ raw: String, sort: DeskSort) {
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        switch sort {
        case .newest, .oldest, .waiting:
            guard parts.count == 1, let number = Int(parts[0]), number >= 0 else { return nil }
            self.init(number: number)
        case .priority:
            guard parts.count == 2, let rank = Int(parts[0]), (0...3).contains(rank), let number = Int(parts[1]), number >= 0 else { return nil }
            self.init(number: number, priorityRank: rank)
        }
    }

    var encoded: String {
        if let priorityRank { return "\(priorityRank).\(number)" }
        return String(number)
    }

    static func of(_ ticket: Ticket, sort: DeskSort) -> DeskCursor {
        switch sort {
        case .newest, .oldest, .waiting: DeskCursor(number: ticket.number)
        case .priority: DeskCursor(number: ticket.number, priorityRank: ticket.priority.rank)
        }
    }
}
