import Fluent
import FrontlineCore
import Vapor

/// The desk's promise lists, due and broken, read through `PromiseQuery` like `GET /promises`,
/// which any staff member may read.
enum PromiseViewsController {
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
                "<a href=\"\(WebRoute.desk(.ticket(.value($0.number))).fragment("promises"))\">#\($0.number) \($0.subject)</a>"
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
        // `mine=1` stays on the tabs; the last link turns it on or off.
        func list(_ show: String, mine: Bool) -> WebLink {
            WebRoute.desk(.promises).query(["show": show, "mine": mine ? "1" : nil])
        }
        let tabs: Markup = """
            <p class="tabs"><a href="\(list("due", mine: mine))"\(Layout.current(!broken))>Due</a>
              <a href="\(list("broken", mine: mine))"\(Layout.current(broken))>Broken</a> ·
              <a href="\(list(broken ? "broken" : "due", mine: !mine))">\(mine ? "Everyone's" : "Only mine")</a></p>
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
