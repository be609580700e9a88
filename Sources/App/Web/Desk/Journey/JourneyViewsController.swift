import Fluent
import FrontlineCore
import Vapor

/// The desk's Runaround list for leads and up (the API's `GET /runaround` rule and query). The
/// promise lists are the promises feature's (`PromiseViewsController`).
enum JourneyViewsController {
    @Sendable static func runaround(req: Request) async throws -> Response {
        let user = try req.deskUser()
        guard user.role >= RunaroundList.role else {
            throw WebError.forbidden("The Runaround list is for team leads, managers and admins.")
        }
        // Unresolved first: those a lead can still act on; `?show=all` adds the solved ones' history.
        let parameters = req.queryParameters
        let showAll = parameters["show"] == "all"
        let page = max(1, Int(parameters["page"] ?? "") ?? 1)
        let pageSize = 50
        let fetched = try await RunaroundList.page(unresolvedOnly: !showAll, limit: pageSize + 1, offset: (page - 1) * pageSize, on: req.db, now: req.now)
        let tickets = Array(fetched.prefix(pageSize))
        let owners = Set(tickets.compactMap(\.ownerId))
        let names = owners.isEmpty ? [] : try await User.query(on: req.db).filter(\.$id ~~ Array(owners)).all()
        let byId = Dictionary(uniqueKeysWithValues: names.compactMap { u in u.id.map { ($0, u.name) } })
        let zone = try await DeskSettings.load(on: req.db).zone
        let frame = try await DeskFrame.load(req, user: user, active: "runaround")
        let rows: [Markup] = tickets.map { ticket in
            let reasons: [Markup] = ticket.runaround.reasons.prefix(3).map { "<li>\($0)</li>" }
            let owner: Markup = ticket.ownerId.flatMap { byId[$0] }.map { "\($0)" } ?? "<span class=\"muted\">Unassigned</span>"
            let since: Markup = ticket.runaround.firstFlaggedAt.map { Format.time($0, now: req.now, zone: zone) } ?? .empty
            return """
                <tr data-number="\(ticket.number)">
                  <td class="num">\(ticket.number)</td>
                  <td class="subject"><a href="\(WebRoute.desk(.ticket(.value(ticket.number))))">\(ticket.subject)</a>
                    <div class="sub muted">\(ticket.requester.name)</div></td>
                  <td class="index-cell"><strong>\(TicketDetailPage.tenths(ticket.runaround.index))</strong></td>
                  <td><ul class="plain-list small">\(reasons)</ul></td>
                  <td>\(Format.status(ticket.status))</td>
                  <td>\(owner)</td>
                  <td class="when">\(since)</td>
                </tr>
                """
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"7\">\(showAll ? "No ticket has been flagged." : "No customer is getting the runaround right now.")</td></tr>"
        let show = showAll ? "all" : "unresolved"
        let pager: Markup = """
            <nav class="pager" aria-label="Pages">\(page > 1 ? "<a href=\"\(WebRoute.desk(.runaround).query(["show": show, "page": page - 1]))\">Previous</a>" : Markup.empty)
              \(fetched.count > pageSize ? "<a href=\"\(WebRoute.desk(.runaround).query(["show": show, "page": page + 1]))\">Next</a>" : Markup.empty)</nav>
            """
        return Layout.desk(req, frame, title: "Runaround", main: """
            <div class="page-head"><h1>Runaround</h1></div>
            <p class="tabs"><a href="\(WebRoute.desk(.runaround))"\(Layout.current(!showAll))>Still waiting</a>
              <a href="\(WebRoute.desk(.runaround).query(["show": "all"]))"\(Layout.current(showAll))>All flagged</a></p>
            <p class="muted small" title="index = \(RunaroundIndex.formula)">Tickets that have bounced their customer around, worst first\(showAll ? "" : ", while the customer still waits").
              \(TicketDetailPage.thresholdsLine)</p>
            <table class="tickets runaround-table">
              <caption class="visually-hidden">Tickets flagged for runaround</caption>
              <thead><tr><th scope="col" class="num">#</th><th scope="col">Subject</th><th scope="col">Index</th>
                <th scope="col">Top reasons</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col" class="when">Flagged</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody>
            </table>
            \(pager)
            """).response()
    }
}
