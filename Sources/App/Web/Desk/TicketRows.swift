import FrontlineCore
import Foundation

/// One ticket as the desk's tables show it, as a value: the names are already looked up.
struct TicketRow: Sendable {
    let number: Int
    let subject: String
    let status: TicketStatus
    let priority: TicketPriority
    let requesterName: String?
    let ownerName: String?
    let teamName: String?
    let handoffCount: Int
    /// The last customer contact, or the opening when there was none since.
    let customerWaitingSince: Date
    let createdAt: Date
}

extension TicketRow {
    /// The row of a loaded ticket, with the names `names` holds.
    init(_ ticket: Ticket, names: DeskNames) {
        self.init(
            number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority,
            requesterName: names.requesters[ticket.requesterId]?.name, ownerName: ticket.ownerId.flatMap { names.users[$0]?.name },
            teamName: ticket.teamId.flatMap { names.teams[$0]?.name }, handoffCount: ticket.handoffCount,
            customerWaitingSince: ticket.lastCustomerContactAt ?? ticket.createdAt, createdAt: ticket.createdAt)
    }
}

/// The dense ticket table the views, search, customer and organization pages share.
enum TicketRows {
    static func table(_ tickets: [Ticket], names: DeskNames, caption: String, now: Date, empty: String, live: Markup = .empty) -> Markup {
        table(tickets.map { TicketRow($0, names: names) }, caption: caption, now: now, empty: empty, live: live)
    }

    static func table(_ rows: [TicketRow], caption: String, now: Date, empty: String, live: Markup = .empty) -> Markup {
        let body = Markup.join(rows.map { row($0, now: now) })
        let emptyRow: Markup = rows.isEmpty
            ? "<tr class=\"empty\"><td colspan=\"7\">\(empty)</td></tr>" : .empty
        return """
            <table class="tickets" data-list\(live)>
              <caption class="visually-hidden">\(caption)</caption>
              <thead><tr>
                <th scope="col" class="num">#</th><th scope="col">Subject</th><th scope="col">Status</th>
                <th scope="col">Priority</th><th scope="col">Owner</th><th scope="col" class="when">Customer waiting</th>
                <th scope="col" class="when">Age</th>
              </tr></thead>
              <tbody>\(body)\(emptyRow)</tbody>
            </table>
            """
    }

    static func row(_ ticket: Ticket, names: DeskNames, now: Date) -> Markup {
        row(TicketRow(ticket, names: names), now: now)
    }

    static func row(_ ticket: TicketRow, now: Date) -> Markup {
        let requester = ticket.requesterName ?? "Unknown requester"
        let owner: Markup = ticket.ownerName.map { "\($0)" } ?? "<span class=\"muted\">Unassigned</span>"
        let team: Markup = ticket.teamName.map { "<span class=\"muted small\">\($0)</span>" } ?? .empty
        let handoffs: Markup = ticket.handoffCount > 1
            ? "<span class=\"badge warn\" title=\"Handed off \(ticket.handoffCount) times\">↻ \(ticket.handoffCount)</span>" : .empty
        let waiting: Markup = ticket.status.isUnresolved
            ? Format.time(ticket.customerWaitingSince, now: now) : "<span class=\"muted\">—</span>"
        return """
            <tr data-number="\(ticket.number)">
              <td class="num">\(ticket.number)</td>
              <td class="subject"><a href="\(WebRoute.desk(.ticket(.value(ticket.number))))">\(ticket.subject)</a> \(handoffs)
                <div class="sub muted">\(requester)</div></td>
              <td>\(Format.status(ticket.status))</td>
              <td>\(Format.priority(ticket.priority))</td>
              <td>\(owner)<div>\(team)</div></td>
              <td class="when">\(waiting)</td>
              <td class="when">\(Format.time(ticket.createdAt, now: now, suffix: ""))</td>
            </tr>
            """
    }
}
