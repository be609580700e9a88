import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/insights`: product insights raised from tickets (seed 003: "why are returns so
/// high?"). Anyone raises one or adds a supporting ticket; leads and up move it along
/// new → reviewed → accepted → fixed (or declined); product managers take the CSV export.
enum InsightsPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in WebRoute.people(.insights).link },
                                          page: { try await page(req, problem: $0) }) { db in
            let input = InsightsController.CreateRequest(
                title: form["title"], description: form["description"], product: form["product"], theme: form["theme"],
                ticketIds: try await PeopleWeb.ticketIds(form["tickets"], field: "tickets", on: db))
            _ = try await InsightsController.create(input, by: viewer, on: db, at: req.now)
            return nil
        }
    }

    @Sendable static func addTicket(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("insightID", of: "insight")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "ticket-\(id)", values: form, success: { _ in WebRoute.people(.insights).fragment("insight-\(id)") },
                                          page: { try await page(req, problem: $0) }) { db in
            let tickets = try await PeopleWeb.ticketIds(form["ticket"], field: "ticket", on: db)
            guard tickets.count == 1 else { throw PeopleError.invalid(field: "ticket", reason: "Give one ticket number.") }
            _ = try await InsightsController.addTicket(tickets[0], to: id, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func status(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("insightID", of: "insight")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "status-\(id)", values: form, success: { _ in WebRoute.people(.insights).fragment("insight-\(id)") },
                                          page: { try await page(req, problem: $0) }) { db in
            guard let status = InsightStatus(rawValue: form["status"] ?? "") else {
                throw PeopleError.invalid(field: "status", reason: "That is not a step of the insight workflow.")
            }
            _ = try await InsightsController.update(id, .init(status: status, title: nil, description: nil, product: nil, theme: nil), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        _ = try req.deskUser()
        return CSV.response(try await InsightsController.csvRows(on: req.db), filename: "insights.csv")
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let filter = req.queryParameters["status"].flatMap(InsightStatus.init(rawValue:))
        let query = Insight.query(on: db).sort(\.$createdAt, .descending)
        if let filter { query.filter(\.$status == filter) }
        let insights = try await InsightsController.dtos(try await query.limit(200).all(), on: db)
        let numbers = try await PeopleWeb.ticketNumbers(insights.flatMap(\.ticketIds), on: db)
        let names = try await PeopleWeb.names(insights.map(\.raisedBy), on: db)
        let items: [Markup] = insights.map { insight in
            let tickets: [Markup] = insight.ticketIds.map { PeopleWeb.ticketLink($0, numbers) }
            let product = [insight.product, insight.theme].compactMap { $0 }.joined(separator: " · ")
            var buttons: [Markup] = []
            if viewer.role >= .lead {
                for next in InsightStatus.allCases where insight.status.canMove(to: next) || (viewer.role == .admin && next != insight.status) {
                    buttons.append("""
                        <form method="post" action="\(WebRoute.people(.insightStatus(.value(insight.id))))" class="inline">\(req.csrfField)<input type="hidden" name="status" value="\(next.rawValue)"><button type="submit" class="secondary">Mark \(next.rawValue)</button></form>
                        """)
                }
            }
            let form = "ticket-\(insight.id)"
            return """
                <li class="panel insight" id="insight-\(insight.id)">
                  <h3>\(insight.title) <span class="badge status-\(insight.status.rawValue)">\(PeopleWeb.words(insight.status.rawValue))</span></h3>
                  <p class="meta">\(product.isEmpty ? "" : product + " · ")raised by \(names[insight.raisedBy] ?? "") · \(insight.ticketCount) tickets, \(insight.customerCount) customers, \(PeopleWeb.minutes(insight.minutesHandled)) handled, cost about \(String(format: "%.2f", insight.costEstimate))</p>
                  <p>\(insight.description)</p>
                  <p class="small">Tickets: \(Markup.join(tickets.map { "\($0) " }))</p>
                  \(FormProblem.alert(problem, "status-\(insight.id)"))
                  <div class="form-row start">\(buttons)</div>
                  \(FormProblem.alert(problem, form))
                  <form method="post" action="\(WebRoute.people(.insightTickets(.value(insight.id))))" class="filters">\(req.csrfField)
                    <label for="t-\(insight.id)">Add a supporting ticket</label><input id="t-\(insight.id)" name="ticket" inputmode="numeric" placeholder="1042" value="\(FormProblem.value(problem, form, "ticket"))">
                    <button type="submit" class="secondary">Add</button></form>
                </li>
                """
        }
        let statuses = [("", "Any status")] + InsightStatus.allCases.map { ($0.rawValue, PeopleWeb.words($0.rawValue)) }
        let empty: Markup = "<p class=\"muted\">No insights here yet.</p>"
        let value = { (name: String) in FormProblem.value(problem, "new", name, name == "tickets" ? (req.queryParameters["ticket"] ?? "") : "") }
        return try await PeopleWeb.page(req, active: "people-insights", title: "Insights", main: """
            <div class="page-head"><h1>Product insights</h1><a class="button secondary" href="\(WebRoute.people(.insightsCSV))" download>Export CSV</a></div>
            <form method="get" action="\(WebRoute.people(.insights))" class="filters"><label for="status">Status</label>
              <select id="status" name="status">\(Format.options(statuses, selected: filter?.rawValue ?? ""))</select><button type="submit" class="secondary">Show</button></form>
            <section class="panel inline-panel" aria-labelledby="new-h"><h2 id="new-h">Raise an insight</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.insights))" class="stack">\(req.csrfField)
                <div class="grid-form">
                  <div><label for="title">Title</label><input id="title" name="title" maxlength="200" required value="\(value("title"))"></div>
                  <div><label for="product">Product (optional)</label><input id="product" name="product" maxlength="100" value="\(value("product"))"></div>
                  <div><label for="theme">Theme (optional)</label><input id="theme" name="theme" maxlength="100" value="\(value("theme"))"></div>
                  <div><label for="tickets">From tickets (numbers)</label><input id="tickets" name="tickets" required placeholder="1042, 1077" value="\(value("tickets"))"></div>
                </div>
                <label for="description">What customers run into</label><textarea id="description" name="description" rows="3" required>\(value("description"))</textarea>
                <button type="submit">Raise insight</button>
              </form>
            </section>
            \(items.isEmpty ? empty : "<ul class=\"plain-list insights\">\(items)</ul>")
            """)
    }
}
