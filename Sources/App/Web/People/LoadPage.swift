import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/load?date=&team_id=`: who had a heavy day (seed 004: complaint handling is
/// emotional, close to counselling), for leads (their teams), managers and admins. Only heavy days
/// are named, each with a kind prompt to check in; no scores to compare and no penalty.
enum LoadPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        guard viewer.role >= .lead else { throw WebError.forbidden("The emotional-load page is for leads, managers and admins.") }
        let raw = PeopleWeb.text(req.queryParameters["date"])
        let day = try raw.map { try Days.parse($0, field: "date") } ?? Days.day(of: req.now)
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        let loads = try await EmotionalLoadReport.loads(for: scope.people, on: day, db: req.db)
        let heavy = loads.filter { $0.level == .heavy }
        let teams = try await TeamPicker.teams(for: viewer, on: req.db)
        let items: [Markup] = heavy.map { load in
            """
            <li class="panel checkin"><h2>\(load.name)</h2><p>\(load.suggestion)</p>
              <p class="small"><a href="\(WebRoute.people(.profile(.value(load.userId))))">Profile</a> · <a href="\(WebRoute.people(.kudos).query(["to": load.userId]).fragment("give"))">Say thank you</a></p></li>
            """
        }
        let calm: Markup = "<p class=\"notice\">Nobody had a heavy day on \(PeopleWeb.day(day)). Still, a thank-you never hurts.</p>"
        let dateField: Markup = "<label for=\"date\">Day</label><input id=\"date\" name=\"date\" type=\"date\" value=\"\(day)\">"
        return try await PeopleWeb.page(req, active: "people-load", title: "Emotional load", main: """
            <div class="page-head"><h1>Emotional load</h1></div>
            <p class="lead">Difficult, escalated, handed-over and urgent contacts take their toll. This page names only those who had a heavy day, so you can check in. It is not a rating.</p>
            \(TeamPicker.form(action: WebRoute.people(.load).path, teams: teams, teamId: scope.teamId, from: nil, to: nil, extra: dateField))
            <p class="meta">\(PeopleWeb.day(day)): \(loads.count) people looked at.</p>
            \(items.isEmpty ? calm : "<ul class=\"plain-list checkins\">\(items)</ul>")
            """).response()
    }
}
