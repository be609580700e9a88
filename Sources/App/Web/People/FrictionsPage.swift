import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/frictions`: policies that create work and penalise customers (seed 001). Anyone
/// flags a policy from a ticket or adds their own ticket to it; managers see the list ranked by
/// what the policy costs (the API's `policy-friction` report), everyone else newest first.
enum FrictionsPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in WebRoute.people(.frictions).link },
                                          page: { try await page(req, problem: $0) }) { db in
            let ticket = try await oneTicket(form["ticket"], on: db)
            let input = PolicyFrictionsController.CreateRequest(
                policy: form["policy"], description: form["description"], ticketId: ticket, revenueAtRisk: try amount(form["revenue_at_risk"]))
            _ = try await PolicyFrictionsController.create(input, by: viewer, on: db, at: req.now)
            return nil
        }
    }

    @Sendable static func addTicket(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("frictionID", of: "policy friction")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "ticket-\(id)", values: form, success: { _ in WebRoute.people(.frictions).fragment("friction-\(id)") },
                                          page: { try await page(req, problem: $0) }) { db in
            let input = PolicyFrictionsController.TicketRequest(ticketId: try await oneTicket(form["ticket"], on: db), revenueAtRisk: try amount(form["revenue_at_risk"]))
            _ = try await PolicyFrictionsController.addTicket(input, to: id, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    private static func oneTicket(_ raw: String?, on db: any Database) async throws -> UUID? {
        let tickets = try await PeopleWeb.ticketIds(raw, field: "ticket", on: db)
        guard tickets.count <= 1 else { throw PeopleError.invalid(field: "ticket", reason: "Give one ticket number.") }
        return tickets.first
    }

    /// "120.50" → an amount; blank is none.
    private static func amount(_ raw: String?) throws -> Decimal? {
        guard let text = PeopleWeb.text(raw)?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw PeopleError.invalid(field: "revenue_at_risk", reason: "Revenue at risk is an amount like 120.50.")
        }
        return value
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let ranked = viewer.role.managesPeople
        let frictions = ranked ? try await PolicyFrictionsController.ranked(on: db)
            : try await PolicyFrictionsController.dtos(try await PolicyFriction.query(on: db).sort(\.$createdAt, .descending).limit(200).all(), on: db)
        let numbers = try await PeopleWeb.ticketNumbers(frictions.flatMap(\.ticketIds), on: db)
        let rows: [Markup] = frictions.enumerated().map { index, friction in
            let tickets: [Markup] = friction.ticketIds.map { PeopleWeb.ticketLink($0, numbers) }
            let form = "ticket-\(friction.id)"
            let rank: Markup = ranked ? "<td class=\"num\">\(index + 1)</td>" : .empty
            return """
                <tr id="friction-\(friction.id)">\(rank)<td><strong>\(friction.policy)</strong><br><span class="small">\(friction.description)</span><br><span class="small">\(Markup.join(tickets.map { "\($0) " }))</span>
                  \(FormProblem.alert(problem, form))
                  <form method="post" action="\(WebRoute.people(.frictionTickets(.value(friction.id))))" class="filters">\(req.csrfField)
                    <label for="t-\(friction.id)">It bit on ticket</label><input id="t-\(friction.id)" name="ticket" inputmode="numeric" value="\(FormProblem.value(problem, form, "ticket"))">
                    <label for="r-\(friction.id)">Revenue at risk</label><input id="r-\(friction.id)" name="revenue_at_risk" inputmode="decimal" value="\(FormProblem.value(problem, form, "revenue_at_risk"))">
                    <button type="submit" class="secondary">Add</button></form></td>
                <td class="num">\(friction.ticketCount)</td><td class="num">\(friction.customerCount)</td><td class="num">\(PeopleWeb.minutes(friction.minutesHandled))</td>\
                <td class="num">\(String(format: "%.2f", friction.costEstimate))</td><td class="num">\(String(format: "%.2f", friction.revenueAtRisk))</td></tr>
                """
        }
        let value = { (name: String) in FormProblem.value(problem, "new", name, name == "ticket" ? (req.queryParameters["ticket"] ?? "") : "") }
        let rankHead: Markup = ranked ? "<th scope=\"col\" class=\"num\">Rank</th>" : .empty
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"7\">No policy friction reported yet.</td></tr>"
        return try await PeopleWeb.page(req, active: "people-frictions", title: "Policy friction", main: """
            <div class="page-head"><h1>Policy friction</h1></div>
            <p class="lead">Policies that make work and penalise customers, with what they cost. \(ranked ? "Ranked by cost, then revenue at risk." : "Newest first.")</p>
            <section class="panel inline-panel" aria-labelledby="new-h"><h2 id="new-h">Report a policy</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.frictions))" class="stack">\(req.csrfField)
                <div class="grid-form">
                  <div><label for="policy">Policy</label><input id="policy" name="policy" maxlength="200" required value="\(value("policy"))"></div>
                  <div><label for="ticket">Ticket where it bit</label><input id="ticket" name="ticket" inputmode="numeric" required value="\(value("ticket"))"></div>
                  <div><label for="revenue">Revenue at risk (optional)</label><input id="revenue" name="revenue_at_risk" inputmode="decimal" value="\(value("revenue_at_risk"))"></div>
                </div>
                <label for="description">What it did to the customer and to us</label><textarea id="description" name="description" rows="3" required>\(value("description"))</textarea>
                <button type="submit">Report policy</button>
              </form>
            </section>
            <table class="tickets"><thead><tr>\(rankHead)<th scope="col">Policy</th><th scope="col" class="num">Tickets</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Time</th><th scope="col" class="num">Cost</th><th scope="col" class="num">Revenue at risk</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            """)
    }
}
