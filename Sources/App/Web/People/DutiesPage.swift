import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/duties`: a duty log (seed 002: "document duties and the time each takes, daily,
/// weekly, monthly, customer related or not"). Everyone keeps their own; leads and managers view a
/// team member's with `?user_id=` and may edit it, as in the API (`DutiesController.requireEdit`).
enum DutiesPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let personId = try PeopleWeb.uuid(req.queryParameters["user_id"], field: "user_id") ?? viewer.requireID()
        return try await page(req, personId: personId, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        let personId = try PeopleWeb.uuid(form["user_id"], field: "user_id") ?? viewer.requireID()
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in back(personId) },
                                          page: { try await page(req, personId: personId, problem: $0) }) { db in
            let input = DutiesController.CreateRequest(
                userId: personId, name: form["name"], cadence: try cadence(form["cadence"]),
                minutes: try PeopleWeb.int(form["minutes"], field: "minutes"), category: try category(form["category"]),
                requestedBy: form["requested_by"], startedOn: PeopleWeb.text(form["started_on"]))
            _ = try await DutiesController.create(input, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("dutyID", of: "duty")
        let form = try PeopleWeb.form(req)
        let personId = try await owner(of: id, viewer: viewer, on: req.db)
        return try await PeopleWeb.submit(req, form: "edit-\(id)", values: form, success: { _ in back(personId) },
                                          page: { try await page(req, personId: personId, problem: $0) }) { db in
            let input = DutiesController.UpdateRequest(
                name: form["name"] ?? "", cadence: try cadence(form["cadence"]),
                minutes: try PeopleWeb.int(form["minutes"], field: "minutes") ?? 0, category: try category(form["category"]),
                requestedBy: form["requested_by"] ?? "", startedOn: PeopleWeb.text(form["started_on"]), endedOn: form["ended_on"] ?? "")
            _ = try await DutiesController.update(id, input, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("dutyID", of: "duty")
        let personId = try await req.write { db in try await DutiesController.delete(id, by: viewer, on: db) }
        return req.redirect(to: back(personId), redirectType: .normal)
    }

    @Sendable static func addOccurrence(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("dutyID", of: "duty")
        let form = try PeopleWeb.form(req)
        let personId = try await owner(of: id, viewer: viewer, on: req.db)
        return try await PeopleWeb.submit(req, form: "occurrence-\(id)", values: form, success: { _ in back(personId) },
                                          page: { try await page(req, personId: personId, problem: $0) }) { db in
            let input = DutiesController.OccurrenceRequest(on: form["on"], minutes: try PeopleWeb.int(form["minutes"], field: "minutes"))
            _ = try await DutiesController.addOccurrence(to: id, input, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    private static func back(_ personId: UUID) -> WebLink { WebRoute.people(.duties).query(["user_id": personId]) }

    /// Whose duty it is; 404 for a duty that does not exist, 403 unless the viewer may edit that log.
    private static func owner(of id: UUID, viewer: User, on db: any Database) async throws -> UUID {
        guard let duty = try await LoggedDuty.find(id, on: db) else { throw RequestError.notFound("duty") }
        try await DutiesController.requireEdit(of: duty.userId, by: viewer, on: db)
        return duty.userId
    }

    private static func cadence(_ raw: String?) throws -> DutyCadence? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = DutyCadence(rawValue: raw) else { throw PeopleError.invalid(field: "cadence", reason: "Pick how often the duty comes round.") }
        return value
    }

    private static func category(_ raw: String?) throws -> DutyCategory? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = DutyCategory(rawValue: raw) else { throw PeopleError.invalid(field: "category", reason: "Pick what kind of work the duty is.") }
        return value
    }

    static let cadences: [(String, String)] = [("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly"), ("ad_hoc", "Ad hoc")]
    static let categories: [(String, String)] = [
        ("customer", "Customer work"), ("office", "Office work"), ("coaching", "Coaching"), ("development", "Development"), ("other", "Other"),
    ]

    private static func page(_ req: Request, personId: UUID, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let person = try await PeopleAccess.user(personId, on: db)
        try await PeopleAccess.requireSee(personId, viewer: viewer, on: db)
        let editable = try await DutiesController.mayEdit(personId, by: viewer, on: db)
        let duties = try await LoggedDuty.query(on: db).filter(\.$userId == personId).sort(\.$createdAt).all()
        let adHoc = try duties.filter { $0.cadence == .adHoc }.map { try $0.requireID() }
        let occurrences = try await adHoc.isEmpty ? [:] : Dictionary(grouping: DutyOccurrence.query(on: db)
            .filter(\.$dutyId ~~ adHoc).sort(\.$on, .descending).all(), by: \.dutyId)
        let people = try await PeopleWeb.visiblePeople(to: viewer, on: db)
        let dtos = try duties.map(DutyDTO.init)
        let perWeek = dtos.compactMap(\.minutesPerWeek).reduce(0, +)

        let rows: [Markup] = try duties.map { duty in
            try row(req, duty, dto: try DutyDTO(duty), occurrences: occurrences[try duty.requireID()] ?? [], editable: editable, problem: problem)
        }
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"6\">No duties logged yet. Start with what you do every day.</td></tr>"
        let switcher: Markup = people.count > 1 ? """
            <form method="get" action="\(WebRoute.people(.duties))" class="filters"><label for="who">Whose log</label>
            <select id="who" name="user_id">\(PeopleWeb.personOptions(people, selected: personId.uuidString))</select>
            <button type="submit" class="secondary">Show</button></form>
            """ : .empty
        let newForm: Markup = editable ? """
            <section class="panel inline-panel" aria-labelledby="new-duty-h"><h2 id="new-duty-h">Log a duty</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.duties))" class="grid-form">\(req.csrfField)
                <input type="hidden" name="user_id" value="\(personId)">
                \(fields(problem, form: "new", idPrefix: "new", name: "", cadence: "daily", minutes: "", category: "customer", requestedBy: "", startedOn: ""))
                <div class="end"><button type="submit">Add duty</button></div>
              </form>
            </section>
            """ : .empty
        let title = personId == viewer.id ? "My duty log" : "Duty log of \(person.name)"
        return try await PeopleWeb.page(req, active: "people-duties", title: title, main: """
            <div class="page-head"><h1>\(title)</h1>\(switcher)</div>
            <p class="lead">Every recurring task with its time: customer work or not, and who asked for it. About \(PeopleWeb.minutes(perWeek)) a week from daily, weekly and monthly duties.</p>
            <table class="tickets duties"><caption class="visually-hidden">Duties</caption>
              <thead><tr><th scope="col">Duty</th><th scope="col">How often</th><th scope="col" class="num">Minutes each</th><th scope="col" class="num">Per week</th><th scope="col">Kind</th><th scope="col">Asked by</th></tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            \(newForm)
            """)
    }

    private static func row(_ req: Request, _ duty: LoggedDuty, dto: DutyDTO, occurrences: [DutyOccurrence], editable: Bool, problem: FormProblem?) throws -> Markup {
        let id = try duty.requireID()
        let perWeek = dto.minutesPerWeek.map { PeopleWeb.minutes($0) } ?? "\(occurrences.count) times"
        let ended: Markup = duty.endedOn.map { " <span class=\"badge\">ended \(PeopleWeb.day($0))</span>" } ?? .empty
        let office: Markup = duty.category == .office ? " warn" : .empty
        let asked = duty.requestedBy ?? "Own team"
        var tools: Markup = .empty
        if editable {
            let form = "edit-\(id)"
            let open: Markup = problem?.form == form || problem?.form == "occurrence-\(id)" ? " open" : .empty
            let occurrenceForm: Markup = duty.cadence == .adHoc ? """
                <form method="post" action="\(WebRoute.people(.dutyOccurrences(.value(id))))" class="grid-form">\(req.csrfField)
                  <div><label for="occ-on-\(id)">It happened on</label><input id="occ-on-\(id)" name="on" type="date" required value="\(FormProblem.value(problem, "occurrence-\(id)", "on", Days.day(of: req.now)))"></div>
                  <div><label for="occ-min-\(id)">Minutes (if not \(duty.minutes))</label><input id="occ-min-\(id)" name="minutes" inputmode="numeric" value="\(FormProblem.value(problem, "occurrence-\(id)", "minutes"))"></div>
                  <div class="end"><button type="submit" class="secondary">Log occurrence</button></div>
                </form>
                <ul class="plain-list small">\(occurrences.prefix(8).map { o -> Markup in "<li>\(PeopleWeb.day(o.on)): \(o.minutes ?? duty.minutes) min</li>" })</ul>
                """ : .empty
            tools = """
                <tr class="row-tools"><td colspan="6"><details\(open)><summary>Edit or remove \(duty.name)</summary>
                  \(FormProblem.alert(problem, form))
                  <form method="post" action="\(WebRoute.people(.duty(.value(id))))" class="grid-form">\(req.csrfField)
                    \(fields(problem, form: form, idPrefix: id.uuidString, name: duty.name, cadence: duty.cadence.rawValue, minutes: String(duty.minutes),
                             category: duty.category.rawValue, requestedBy: duty.requestedBy ?? "", startedOn: duty.startedOn))
                    <div><label for="end-\(id)">Ended on (blank: still going)</label><input id="end-\(id)" name="ended_on" type="date" value="\(FormProblem.value(problem, form, "ended_on", duty.endedOn ?? ""))"></div>
                    <div class="end"><button type="submit">Save</button></div>
                  </form>
                  <form method="post" action="\(WebRoute.people(.deleteDuty(.value(id))))" class="inline">\(req.csrfField)<button type="submit" class="link danger">Remove this duty</button></form>
                  \(FormProblem.alert(problem, "occurrence-\(id)"))
                  \(occurrenceForm)
                </details></td></tr>
                """
        }
        return """
            <tr><td>\(duty.name)\(ended)</td><td>\(PeopleWeb.words(duty.cadence.rawValue))</td><td class="num">\(duty.minutes)</td>\
            <td class="num">\(perWeek)</td><td><span class="badge\(office)">\(PeopleWeb.words(duty.category.rawValue))</span></td><td>\(asked)</td></tr>
            \(tools)
            """
    }

    private static func fields(
        _ problem: FormProblem?, form: String, idPrefix: String, name: String, cadence: String, minutes: String, category: String,
        requestedBy: String, startedOn: String
    ) -> Markup {
        """
        <div><label for="name-\(idPrefix)">Duty</label><input id="name-\(idPrefix)" name="name" maxlength="200" required value="\(FormProblem.value(problem, form, "name", name))"></div>
        <div><label for="cadence-\(idPrefix)">How often</label><select id="cadence-\(idPrefix)" name="cadence">\(Format.options(cadences, selected: FormProblem.value(problem, form, "cadence", cadence)))</select></div>
        <div><label for="minutes-\(idPrefix)">Minutes each time</label><input id="minutes-\(idPrefix)" name="minutes" inputmode="numeric" required value="\(FormProblem.value(problem, form, "minutes", minutes))"></div>
        <div><label for="category-\(idPrefix)">Kind of work</label><select id="category-\(idPrefix)" name="category">\(Format.options(categories, selected: FormProblem.value(problem, form, "category", category)))</select></div>
        <div><label for="requested-\(idPrefix)">Asked by (blank: own team)</label><input id="requested-\(idPrefix)" name="requested_by" maxlength="100" placeholder="e.g. Sales" value="\(FormProblem.value(problem, form, "requested_by", requestedBy))"></div>
        <div><label for="started-\(idPrefix)">Since</label><input id="started-\(idPrefix)" name="started_on" type="date" value="\(FormProblem.value(problem, form, "started_on", startedOn))"></div>
        """
    }
}
