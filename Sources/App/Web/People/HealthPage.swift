import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/health?team_id=&from=&to=`: "a customer service department, or an office
/// management department?" (seed 002), for leads (their teams), managers and admins: where each
/// person's week goes, the verdict in words, office work other departments handed over, how much
/// the managers coach, and the trend. Printable, and downloadable as CSV from the same report.
struct HealthPage: Sendable {
    let frame: DeskFrame
    let report: DepartmentHealthDTO
    /// The teams the viewer may pick.
    let teams: [TeamPicker.Choice]
    /// The names of the people whose duties other departments handed over.
    let names: [UUID: String]

    @Sendable static func show(req: Request) async throws -> Response {
        let (report, teams) = try await load(req)
        let page = HealthPage(
            frame: try await DeskFrame.load(req, user: try req.deskUser(), active: "people-health"), report: report,
            teams: try teams.map(TeamPicker.Choice.init),
            names: try await PeopleWeb.names(report.handedOver.flatMap { $0.duties.map(\.userId) }, on: req.db))
        return page.render(req).response()
    }

    /// The same rows as the API's CSV (`DepartmentHealthDTO.csvRows`).
    @Sendable static func csv(req: Request) async throws -> Response {
        let (report, _) = try await load(req)
        return CSV.response(report.csvRows, filename: "department-health-\(report.from)-\(report.to).csv")
    }

    private static func load(_ req: Request) async throws -> (DepartmentHealthDTO, [Team]) {
        let viewer = try req.deskUser()
        guard viewer.role >= .lead else { throw WebError.forbidden("The department-health report is for leads, managers and admins.") }
        let period = try ReportPeriod.resolve(req)
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        let settings = try await DepartmentHealthSettings.load(on: req.db)
        let report = try await DepartmentHealthReport(scope: scope, period: period, settings: settings, db: req.db).build()
        let teams = try await TeamPicker.teams(for: viewer, on: req.db)
        return (report, teams)
    }

    /// The verdict in words, kind and plain.
    static func verdict(_ verdict: HealthVerdict?) -> Markup {
        switch verdict {
        case .service: "<span class=\"badge ok\">Customer service</span>"
        case .drifting: "<span class=\"badge warn\">Drifting into office work</span>"
        case .officeManagement: "<span class=\"badge warn strong\">Office management</span>"
        case nil: "<span class=\"muted\">No time logged</span>"
        }
    }

    static func verdictSentence(_ split: DepartmentHealthDTO.Split, settings: DepartmentHealthSettings) -> String {
        let share = PeopleWeb.percent(split.serviceShare)
        return switch split.verdict {
        case .service: "A customer service department: \(share) of the working time (without coaching and development) goes to customers."
        case .drifting: "Drifting: only \(share) of the working time goes to customers; below \(PeopleWeb.percent(settings.serviceThreshold)) office work starts taking over. Look at the duties handed over below."
        case .officeManagement: "An office management department: only \(share) of the working time goes to customers, below \(PeopleWeb.percent(settings.driftingThreshold)). Customers come second to reports and favours for other departments."
        case nil: "No duties or ticket work logged in this period yet: ask everyone to fill in their duty log."
        }
    }

    /// The report from values only: no database.
    func render(_ req: Request) -> Markup {
        let csv = WebRoute.people(.healthCSV).query(["team_id": report.teamId?.uuidString ?? "", "from": report.from, "to": report.to])
        let people: [Markup] = report.people.map { Self.split(req, $0) }
        let handed: [Markup] = report.handedOver.map { department in
            let duties: [Markup] = department.duties.map { "<li>\($0.name) <span class=\"muted\">(\(names[$0.userId] ?? ""), \(PeopleWeb.minutes($0.minutesPerWeek)) a week)</span></li>" }
            return "<tr><td>\(department.department)</td><td class=\"num\">\(PeopleWeb.minutes(department.minutesPerWeek))</td><td><ul class=\"plain-list\">\(duties)</ul></td></tr>"
        }
        let coaching: [Markup] = report.coaching.map { coach in
            let perDay = coach.minutesPerWorkingDay.map { PeopleWeb.minutes($0) } ?? "–"
            let meets: Markup = switch coach.meetsTarget {
            case true?: "<span class=\"badge ok\">On target</span>"
            case false?: "<span class=\"badge warn\">\(PeopleWeb.minutes(coach.shortfallPerDay ?? 0)) a day short</span>"
            case nil: "<span class=\"muted\">–</span>"
            }
            return "<tr><td>\(coach.name)</td><td class=\"num\">\(coach.sessions)</td><td class=\"num\">\(perDay)</td><td class=\"num\">\(PeopleWeb.minutes(coach.minutesPerWeek))</td><td>\(meets)</td></tr>"
        }
        let trend: [Markup] = (report.trend.map { point in
            "<tr><td>\(PeopleWeb.day(point.from)) – \(PeopleWeb.day(point.to))</td><td class=\"num\">\(PeopleWeb.minutes(point.customerMinutes))</td><td class=\"num\">\(PeopleWeb.minutes(point.officeMinutes))</td><td class=\"num\">\(PeopleWeb.minutes(point.coachingMinutes))</td><td class=\"num\">\(PeopleWeb.percent(point.customerShare))</td><td>\(Self.verdict(point.verdict))</td></tr>"
        }) + ["<tr class=\"current\"><td>This period</td><td class=\"num\">\(PeopleWeb.minutes(report.total.customerMinutes))</td><td class=\"num\">\(PeopleWeb.minutes(report.total.officeMinutes))</td><td class=\"num\">\(PeopleWeb.minutes(report.total.coachingMinutes))</td><td class=\"num\">\(PeopleWeb.percent(report.total.customerShare))</td><td>\(Self.verdict(report.total.verdict))</td></tr>"]
        let noHanded: Markup = "<tr class=\"empty\"><td colspan=\"3\">No office work handed over by other departments in this period.</td></tr>"
        let noCoaches: Markup = "<tr class=\"empty\"><td colspan=\"5\">No leads or managers in this scope.</td></tr>"
        return Layout.desk(req, frame, title: "Department health", main: """
            <div class="page-head"><h1>Department health</h1>
              <p class="no-print"><a class="button secondary" href="\(csv)" download>Download CSV</a> <button type="button" class="secondary" data-print>Print</button></p></div>
            \(TeamPicker.form(action: WebRoute.people(.health).path, teams: teams, teamId: report.teamId, from: report.from, to: report.to))
            <p class="meta">\(report.from) to \(report.to), \(report.days) days. All figures are per week, averaged over the period.</p>
            <p class="callout verdict">\(Self.verdict(report.total.verdict)) \(Self.verdictSentence(report.total, settings: report.settings))</p>
            <h2>Where the time goes</h2>
            <table class="tickets health"><caption class="visually-hidden">Minutes per week by person</caption>
              <thead><tr><th scope="col">Person</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Office</th><th scope="col" class="num">Coaching</th><th scope="col" class="num">Development</th><th scope="col" class="num">Other</th><th scope="col" class="num">Total</th><th scope="col" class="num">Customer share</th><th scope="col">Verdict</th></tr></thead>
              <tbody>\(people)</tbody>
              <tfoot>\(Self.split(req, report.total))</tfoot></table>
            <h2>Office work handed over by other departments</h2>
            <table class="tickets"><thead><tr><th scope="col">Department</th><th scope="col" class="num">Per week</th><th scope="col">Duties</th></tr></thead>
              <tbody>\(handed.isEmpty ? [noHanded] : handed)</tbody></table>
            <h2>How much the leads and managers coach</h2>
            <p class="meta">Target: \(PeopleWeb.minutes(report.settings.coachingTargetMinutesPerDay)) a working day.</p>
            <table class="tickets"><thead><tr><th scope="col">Coach</th><th scope="col" class="num">Sessions</th><th scope="col" class="num">Per working day</th><th scope="col" class="num">Per week</th><th scope="col">Against target</th></tr></thead>
              <tbody>\(coaching.isEmpty ? [noCoaches] : coaching)</tbody></table>
            <h2>Trend</h2>
            <table class="tickets"><thead><tr><th scope="col">Period</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Office</th><th scope="col" class="num">Coaching</th><th scope="col" class="num">Customer share</th><th scope="col">Verdict</th></tr></thead>
              <tbody>\(trend)</tbody></table>
            """)
    }

    private static func split(_ req: Request, _ split: DepartmentHealthDTO.Split) -> Markup {
        let name: Markup = split.userId.map { "<a href=\"\(WebRoute.people(.duties).query(["user_id": $0]))\">\(split.name)</a>" } ?? "<strong>\(split.name)</strong>"
        return """
            <tr><th scope="row">\(name)</th><td class="num">\(PeopleWeb.minutes(split.customerMinutes))</td><td class="num">\(PeopleWeb.minutes(split.officeMinutes))</td>\
            <td class="num">\(PeopleWeb.minutes(split.coachingMinutes))</td><td class="num">\(PeopleWeb.minutes(split.developmentMinutes))</td>\
            <td class="num">\(PeopleWeb.minutes(split.otherMinutes))</td><td class="num">\(PeopleWeb.minutes(split.totalMinutes))</td>\
            <td class="num">\(PeopleWeb.percent(split.customerShare))</td><td>\(verdict(split.verdict))</td></tr>
            """
    }
}

/// The team and period picker of the people reports: a lead picks among the teams they lead, a
/// manager or admin among all (or the whole department).
enum TeamPicker {
    static func teams(for viewer: User, on db: any Database) async throws -> [Team] {
        let query = Team.query(on: db).sort(\.$name)
        if !viewer.role.managesPeople { query.filter(\.$id ~~ (try await PeopleAccess.teamsLed(by: viewer, on: db))) }
        return try await query.all()
    }

    /// A team to pick, as a value.
    struct Choice: Sendable {
        let id: UUID
        let name: String

        init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }

        /// A stored team (which always has its id).
        init(_ team: Team) throws {
            self.init(id: try team.requireID(), name: team.name)
        }
    }

    static func form(action: String, teams: [Team], teamId: UUID?, from: String?, to: String?, extra: Markup = .empty) -> Markup {
        form(action: action, teams: teams.compactMap { try? Choice($0) }, teamId: teamId, from: from, to: to, extra: extra)
    }

    private static let dayField: Markup =
        #"type="text" inputmode="numeric" pattern="\d{4}-\d{2}-\d{2}" placeholder="YYYY-MM-DD" size="10" title="A day as YYYY-MM-DD""#

    static func form(action: String, teams: [Choice], teamId: UUID?, from: String?, to: String?, extra: Markup = .empty) -> Markup {
        let options = [("", "All my people")] + teams.map { ($0.id.uuidString, $0.name) }
        // Typed days in the format the report writes them: a browser's date picker shows its own
        // locale's format (11/01/2026, 01.11.2026), which disagreed with the page's text.
        let period: Markup = if let from, let to {
            """
            <label for="from">From</label><input id="from" name="from" \(dayField) value="\(from)">
            <label for="to">To</label><input id="to" name="to" \(dayField) value="\(to)">
            """
        } else { .empty }
        return """
            <form method="get" action="\(action)" class="filters no-print">
              <label for="team">Team</label><select id="team" name="team_id">\(Format.options(options, selected: teamId?.uuidString ?? ""))</select>
              \(period)\(extra)
              <button type="submit" class="secondary">Show</button>
            </form>
            """
    }
}
