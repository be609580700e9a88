import Fluent
import FrontlineCore
import Vapor

/// How one kudos reads on a wall or in the feed.
enum KudosMarkup {
    static func card(_ kudos: KudosDTO, numbers: [UUID: Int], now: Date) -> Markup {
        let value: Markup = kudos.value.map { "<span class=\"badge ok\">\(PeopleWeb.words($0.rawValue))</span> " } ?? .empty
        let quote: Markup = kudos.quote.map { "<blockquote>\($0)</blockquote>" } ?? .empty
        let source: String = switch kudos.source {
        case .customer: "recorded by"
        case .manager, .peer: "from"
        }
        let ticket = PeopleWeb.ticketLink(kudos.ticketId, numbers)
        return """
            <li class="kudos"><p>\(value)<strong><a href="\(WebRoute.people(.profile(.value(kudos.to.id))))">\(kudos.to.name)</a></strong>: \(kudos.message)</p>\(quote)\
            <p class="small muted">\(source) <a href="\(WebRoute.people(.profile(.value(kudos.from.id))))">\(kudos.from.name)</a> · \(Format.time(kudos.createdAt, now: now)) \(ticket)</p></li>
            """
    }
}

/// `/desk/people/kudos`: the department's feed, the give-kudos form and the month's highlights.
/// Recognition all 52 weeks, never a leaderboard: no ranking and no counts per person here.
enum KudosPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func give(req: Request) async throws -> Response {
        let giver = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "give", values: form, success: { _ in WebRoute.people(.kudos).link }, page: { try await page(req, problem: $0) }) { db in
            let ticketIds = try await PeopleWeb.ticketIds(form["ticket"], field: "ticket", on: db)
            guard ticketIds.count <= 1 else { throw PeopleError.invalid(field: "ticket", reason: "Kudos link to one ticket at most.") }
            let value = try form["value"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let value = KudosValue(rawValue: raw) else { throw PeopleError.invalid(field: "value", reason: "Pick one of the values.") }
                return value
            }
            let input = KudosController.GiveRequest(
                toUserId: try PeopleWeb.uuid(form["to_user_id"], field: "to_user_id"), message: form["message"], value: value,
                ticketId: ticketIds.first)
            _ = try await KudosController.give(input, by: giver, on: db, now: req.now)
            return nil
        }
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let month = try (req.queryParameters["month"]).map(KudosHighlightsController.parseMonth) ?? String(Days.day(of: req.now).prefix(7))
        let highlights = try await KudosHighlightsController.build(month: month, on: db)
        let feed = try await KudosPresenter.dtos(
            try await Kudos.query(on: db).sort(\.$createdAt, .descending).limit(50).all(), on: db)
        let numbers = try await PeopleWeb.ticketNumbers(feed.compactMap(\.ticketId), on: db)
        let colleagues = try await User.query(on: db).filter(\.$active == true).sort(\.$name).all().filter { $0.id != viewer.id }
        let to = FormProblem.value(problem, "give", "to_user_id", req.queryParameters["to"] ?? "")
        let values = KudosValue.allCases.map { ($0.rawValue, PeopleWeb.words($0.rawValue)) }

        let counts: [Markup] = KudosValue.allCases.map { value in
            "<li>\(PeopleWeb.words(value.rawValue)) <span class=\"count\">\(highlights.countsByValue[value.rawValue] ?? 0)</span></li>"
        }
        let firstTimers: [Markup] = highlights.firstTimeRecognised.map { "<li><a href=\"\(WebRoute.people(.profile(.value($0.id))))\">\($0.name)</a></li>" }
        let previous = String(Days.adding(-1, to: month + "-01").prefix(7))
        let nextMonth = String(Days.adding(31, to: month + "-01").prefix(7))
        let firstTimersList: Markup = firstTimers.isEmpty ? "<p class=\"muted small\">No one new this month.</p>" : "<ul class=\"plain-list\">\(firstTimers)</ul>"
        let feedItems: [Markup] = feed.map { KudosMarkup.card($0, numbers: numbers, now: req.now) }
        let emptyFeed: Markup = "<p class=\"muted\">No kudos yet. Be the first to recognise a colleague.</p>"

        return try await PeopleWeb.page(req, active: "people-kudos", title: "Kudos", main: """
            <div class="page-head"><h1>Kudos</h1></div>
            <p class="lead">Recognition all year round: for what someone did, in the department's values.</p>
            <div class="ticket-grid">
              <section aria-labelledby="feed-h"><h2 id="feed-h">Department feed</h2>
                \(feedItems.isEmpty ? emptyFeed : "<ul class=\"kudos-list\">\(feedItems)</ul>")
              </section>
              <aside class="side">
                <section class="panel" id="give" aria-labelledby="give-h"><h2 id="give-h">Give kudos</h2>
                  \(FormProblem.alert(problem, "give"))
                  <form method="post" action="\(WebRoute.people(.kudos))" class="stack">\(req.csrfField)
                    <label for="kudos-to">To</label>
                    <select id="kudos-to" name="to_user_id" required>\(PeopleWeb.personOptions(colleagues, selected: to, blank: "Choose a colleague"))</select>
                    <label for="kudos-value">For</label>
                    <select id="kudos-value" name="value" required>\(Format.options(values, selected: FormProblem.value(problem, "give", "value", "ownership")))</select>
                    <label for="kudos-message">What they did</label>
                    <textarea id="kudos-message" name="message" rows="3" maxlength="2000" required>\(FormProblem.value(problem, "give", "message"))</textarea>
                    <label for="kudos-ticket">Ticket number (optional)</label>
                    <input id="kudos-ticket" name="ticket" inputmode="numeric" value="\(FormProblem.value(problem, "give", "ticket"))">
                    <button type="submit">Give kudos</button>
                  </form>
                </section>
                <section class="panel" aria-labelledby="highlights-h"><h2 id="highlights-h">Highlights of \(month)</h2>
                  <p>\(highlights.total) kudos, \(highlights.fromCustomers) from customers.</p>
                  <ul class="plain-list">\(counts)</ul>
                  <h3>Recognised for the first time</h3>
                  \(firstTimersList)
                  <p class="small"><a href="\(WebRoute.people(.kudos).query(["month": previous]))">← \(previous)</a> · <a href="\(WebRoute.people(.kudos).query(["month": nextMonth]))">\(nextMonth) →</a></p>
                </section>
              </aside>
            </div>
            """)
    }
}
