import FrontlineCore
import Foundation

/// The dense ticket table the views, search, customer and organization pages share.
enum TicketRows {
    static func table(_ tickets: [Ticket], names: DeskNames, caption: String, now: Date = Date(), empty: String, live: Markup = .empty) -> Markup {
        let rows = Markup.join(tickets.map { row($0, names: names, now: now) })
        let emptyRow: Markup = tickets.isEmpty
            ? "<tr class=\"empty\"><td colspan=\"7\">\(empty)</td></tr>" : .empty
        return """
            <table class="tickets" data-list\(live)>
              <caption class="visually-hidden">\(caption)</caption>
              <thead><tr>
                <th scope="col" class="num">#</th><th scope="col">Subject</th><th scope="col">Status</th>
                <th scope="col">Priority</th><th scope="col">Owner</th><th scope="col" class="when">Customer waiting</th>
                <th scope="col" class="when">Age</th>
              </tr></thead>
              <tbody>\(rows)\(emptyRow)</tbody>
            </table>
            """
    }

    static func row(_ ticket: Ticket, names: DeskNames, now: Date = Date()) -> Markup {
        let requester = names.requesters[ticket.requesterId]?.name ?? "Unknown requester"
        let owner: Markup = ticket.ownerId.flatMap { names.users[$0] }.map { "\($0.name)" }
            ?? "<span class=\"muted\">Unassigned</span>"
        let team: Markup = ticket.teamId.flatMap { names.teams[$0] }.map { "<span class=\"muted small\">\($0.name)</span>" } ?? .empty
        let handoffs: Markup = ticket.handoffCount > 1
            ? "<span class=\"badge warn\" title=\"Handed off \(ticket.handoffCount) times\">↻ \(ticket.handoffCount)</span>" : .empty
        let waiting: Markup = ticket.status.isUnresolved
            ? Format.time(ticket.lastCustomerContactAt ?? ticket.createdAt, now: now) : "<span class=\"muted\">—</span>"
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
