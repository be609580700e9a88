import Fluent
import FrontlineCore
import Vapor

/// The desk views of journey integrity: the Runaround list for leads and up (the API's
/// `GET /runaround` rule and query), and the promise lists (due and broken) read through
/// `PromiseQuery`, like `GET /promises`, which any staff member may read.
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
        let fetched = try await RunaroundList.page(unresolvedOnly: !showAll, limit: pageSize + 1, offset: (page - 1) * pageSize, on: req.db)
        let tickets = Array(fetched.prefix(pageSize))
        let owners = Set(tickets.compactMap(\.ownerId))
        let names = owners.isEmpty ? [] : try await User.query(on: req.db).filter(\.$id ~~ Array(owners)).all()
        let byId = Dictionary(uniqueKeysWithValues: names.compactMap { u in u.id.map { ($0, u.name) } })
        let zone = try await DeskSettings.load(on: req.db).zone
        let frame = try await DeskFrame.load(req, user: user, active: "runaround")
        let rows: [Markup] = tickets.map { ticket in
            let reasons: [Markup] = ticket.runaround.reasons.prefix(3).map { "<li>\($0)</li>" }
            let owner: Markup = ticket.ownerId.flatMap { byId[$0] }.map { "\($0)" } ?? "<span class=\"muted\">Unassigned</span>"
            let since: Markup = ticket.runaround.firstFlaggedAt.map { Format.time($0, zone: zone) } ?? .empty
            return """
                <tr data-number="\(ticket.number)">
                  <td class="num">\(ticket.number)</td>
                  <td class="subject"><a href="/desk/tickets/\(ticket.number)">\(ticket.subject)</a>
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
            <nav class="pager" aria-label="Pages">\(page > 1 ? "<a href=\"/desk/views/runaround?show=\(show)&page=\(page - 1)\">Previous</a>" : "")
              \(fetched.count > pageSize ? "<a href=\"/desk/views/runaround?show=\(show)&page=\(page + 1)\">Next</a>" : "")</nav>
            """
        return Layout.desk(req, frame, title: "Runaround", main: """
            <div class="page-head"><h1>Runaround</h1></div>
            <p class="tabs"><a href="/desk/views/runaround"\(Layout.current(!showAll))>Still waiting</a>
              <a href="/desk/views/runaround?show=all"\(Layout.current(showAll))>All flagged</a></p>
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

    /// `?show=due` (pending, soonest due first; the default) or `?show=broken`; `&mine=1` for
    /// one's own.
    @Sendable static func promises(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let parameters = req.queryParameters
        let broken = parameters["show"] == "broken"
        let mine = parameters["mine"] == "1"
        var query = PromiseQuery(state: broken ? .broken : .pending, limit: 200)
        if mine { query.ownerId = try user.requireID() }
        var promises = try await query.run(on: req.db)
        // Broken ones: the most recent failure first.
        if broken { promises.reverse() }
        let ticketIds = Array(Set(promises.map(\.ticketId)))
        let tickets = ticketIds.isEmpty ? [] : try await Ticket.query(on: req.db).filter(\.$id ~~ ticketIds).all()
        let ticketsById = Dictionary(uniqueKeysWithValues: tickets.compactMap { t in t.id.map { ($0, t) } })
        let ownerIds = Array(Set(promises.map(\.ownerId)))
        let owners = ownerIds.isEmpty ? [] : try await User.query(on: req.db).filter(\.$id ~~ ownerIds).all()
        let ownerNames = Dictionary(uniqueKeysWithValues: owners.compactMap { u in u.id.map { ($0, u.name) } })
        let zone = try await DeskSettings.load(on: req.db).zone
        let frame = try await DeskFrame.load(req, user: user, active: "promises")
        let now = req.now
        let rows: [Markup] = promises.map { promise in
            let ticket: Markup = ticketsById[promise.ticketId].map {
                "<a href=\"/desk/tickets/\($0.number)#promises\">#\($0.number) \($0.subject)</a>"
            } ?? "<span class=\"muted\">ticket gone</span>"
            return """
                <tr class="promise-\(promise.state.rawValue)">
                  <td class="subject">\(ticket)</td>
                  <td>\(JourneyFormat.word(promise.kind.rawValue))</td>
                  <td>\(promise.promiseDescription)</td>
                  <td>\(JourneyFormat.due(promise.dueAt, now: now, zone: zone, pastWord: broken ? "ago" : "overdue"))</td>
                  <td>\(ownerNames[promise.ownerId] ?? "someone")</td>
                  <td>\(TicketDetailPage.promiseBadge(promise.state))</td>
                </tr>
                """
        }
        let title = broken ? "Broken promises" : "Due promises"
        let mineQuery = mine ? "&mine=1" : ""
        let tabs: Markup = """
            <p class="tabs"><a href="/desk/views/promises?show=due\(mineQuery)"\(Layout.current(!broken))>Due</a>
              <a href="/desk/views/promises?show=broken\(mineQuery)"\(Layout.current(broken))>Broken</a> ·
              <a href="/desk/views/promises?show=\(broken ? "broken" : "due")\(mine ? "" : "&mine=1")">\(mine ? "Everyone's" : "Only mine")</a></p>
            """
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"6\">\(broken ? "No broken promises." : "No promise is waiting to be kept.")</td></tr>"
        return Layout.desk(req, frame, title: title, main: """
            <div class="page-head"><h1>\(title)\(mine ? " (mine)" : "")</h1></div>
            \(tabs)
            <table class="tickets promise-table">
              <caption class="visually-hidden">\(title)</caption>
              <thead><tr><th scope="col">Ticket</th><th scope="col">Kind</th><th scope="col">Promise</th><th scope="col">Due</th>
                <th scope="col">Owner</th><th scope="col">State</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody>
            </table>
            """).response()
    }
}
