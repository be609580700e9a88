import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/careers` and `/desk/people/alumni`: promotions and moves, recorded by managers as
/// successes of the department (seed 003), and the alumni: people who went from service into
/// other departments.
enum CareersPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func alumni(req: Request) async throws -> Response {
        _ = try req.deskUser()
        let alumni = try await CareerMovesController.alumni(on: req.db)
        let rows: [Markup] = alumni.map { move in
            "<tr><td>\(PeopleWeb.person(move.userId, [move.userId: move.name]))</td><td>\(move.department ?? "")</td><td>\(move.toTitle)</td><td>\(move.fromTitle ?? "")</td><td>\(PeopleWeb.day(move.on))</td></tr>"
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"5\">No one has moved on to another department yet.</td></tr>"
        return try await PeopleWeb.page(req, active: "people-careers", title: "Alumni", main: """
            <div class="page-head"><h1>Alumni</h1><a class="button secondary" href="\(WebRoute.people(.careers))">Career moves</a></div>
            <p class="lead">People who started in customer service and now work across the company: a success of the department.</p>
            <table class="tickets"><thead><tr><th scope="col">Person</th><th scope="col">Department</th><th scope="col">Now</th><th scope="col">Was</th><th scope="col">Since</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            """).response()
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in WebRoute.people(.careers).link },
                                          page: { try await page(req, problem: $0) }) { db in
            let kind = try form["kind"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let kind = CareerMoveKind(rawValue: raw) else { throw PeopleError.invalid(field: "kind", reason: "Pick promotion or move.") }
                return kind
            }
            let input = CareerMovesController.CreateRequest(
                userId: try PeopleWeb.uuid(form["user_id"], field: "user_id"), on: form["on"], kind: kind, fromTitle: form["from_title"],
                toTitle: form["to_title"], department: form["department"], note: form["note"])
            _ = try await CareerMovesController.record(input, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    /// One move, as a list item.
    static func move(_ move: CareerMoveDTO) -> Markup {
        let what = move.kind == .promotion ? "Promoted to" : "Moved to"
        let department: Markup = move.department.map { " in \($0)" } ?? .empty
        let from: Markup = move.fromTitle.map { " <span class=\"muted\">(was \($0))</span>" } ?? .empty
        let note: Markup = move.note.map { "<br><span class=\"small\">\($0)</span>" } ?? .empty
        return "<li><strong>\(PeopleWeb.day(move.on))</strong>: \(what) \(move.toTitle)\(department)\(from)\(note)</li>"
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let moves = try await CareerMovesController.dtos(try await CareerMove.query(on: db).sort(\.$on, .descending).limit(200).all(), on: db)
        let rows: [Markup] = moves.map { move in
            "<tr><td>\(PeopleWeb.person(move.userId, [move.userId: move.name]))</td><td>\(move.kind == .promotion ? "Promotion" : "Move")</td><td>\(move.fromTitle ?? "")</td><td>\(move.toTitle)</td><td>\(move.department ?? "Customer service")</td><td>\(PeopleWeb.day(move.on))</td></tr>"
        }
        var form: Markup = .empty
        if viewer.role.managesPeople {
            let people = try await User.query(on: db).sort(\.$name).all()
            let value = { (name: String, fallback: String) in FormProblem.value(problem, "new", name, fallback) }
            form = """
                <section class="panel inline-panel" aria-labelledby="new-h"><h2 id="new-h">Record a career move</h2>
                  \(FormProblem.alert(problem, "new"))
                  <form method="post" action="\(WebRoute.people(.careers))" class="grid-form">\(req.csrfField)
                    <div><label for="who">Person</label><select id="who" name="user_id" required>\(PeopleWeb.personOptions(people, selected: value("user_id", ""), blank: "Choose a person"))</select></div>
                    <div><label for="kind">Kind</label><select id="kind" name="kind">\(Format.options([("promotion", "Promotion"), ("move", "Move to another department")], selected: value("kind", "promotion")))</select></div>
                    <div><label for="on">On</label><input id="on" name="on" type="date" required value="\(value("on", Days.day(of: req.now)))"></div>
                    <div><label for="from">From title</label><input id="from" name="from_title" maxlength="200" value="\(value("from_title", ""))"></div>
                    <div><label for="to">To title</label><input id="to" name="to_title" maxlength="200" required value="\(value("to_title", ""))"></div>
                    <div><label for="dept">Department (for a move)</label><input id="dept" name="department" maxlength="100" value="\(value("department", ""))"></div>
                    <div><label for="note">Note</label><input id="note" name="note" value="\(value("note", ""))"></div>
                    <div class="end"><button type="submit">Record</button></div>
                  </form>
                </section>
                """
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"6\">No career moves recorded yet.</td></tr>"
        return try await PeopleWeb.page(req, active: "people-careers", title: "Career moves", main: """
            <div class="page-head"><h1>Career moves</h1><a class="button secondary" href="\(WebRoute.people(.alumni))">Alumni</a></div>
            <p class="lead">Promotions within service and moves into other departments: each one a success of the department.</p>
            \(form)
            <table class="tickets"><thead><tr><th scope="col">Person</th><th scope="col">Kind</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Department</th><th scope="col">On</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            """)
    }
}
