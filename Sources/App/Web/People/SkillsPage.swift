import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/skills?user_id=`: a person's skills matrix (product, technical and emotional
/// skills, seed 004). The person assesses themselves (1–5); their lead or a manager confirms a level.
enum SkillsPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let personId = try PeopleWeb.uuid(req.queryParameters["user_id"], field: "user_id") ?? viewer.requireID()
        return try await page(req, personId: personId, problem: nil).response()
    }

    @Sendable static func assess(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        let me = try viewer.requireID()
        return try await PeopleWeb.submit(req, form: "assess", values: form, success: { _ in WebRoute.people(.skills).link },
                                          page: { try await page(req, personId: me, problem: $0) }) { db in
            let kind = try form["kind"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let kind = SkillKind(rawValue: raw) else { throw PeopleError.invalid(field: "kind", reason: "Pick the kind of skill.") }
                return kind
            }
            _ = try await SkillsController.assess(.init(name: form["name"], kind: kind, level: try PeopleWeb.int(form["level"], field: "level")), for: me, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let userId = try req.id("userID", of: "person")
        let skillId = try req.id("skillID", of: "skill")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "confirm-\(skillId)", values: form, success: { _ in WebRoute.people(.skills).query(["user_id": userId]) },
                                          page: { try await page(req, personId: userId, problem: $0) }) { db in
            _ = try await SkillsController.confirm(skillId, of: userId, level: try PeopleWeb.int(form["level"], field: "level"), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    static let levels: [(String, String)] = (1...5).map { (String($0), "\($0)") }

    private static func page(_ req: Request, personId: UUID, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let person = try await PeopleAccess.user(personId, on: db)
        try await PeopleAccess.requireSee(personId, viewer: viewer, on: db)
        let skills = try await SkillsController.dtos(of: personId, on: db)
        var mayConfirm = false
        if personId != viewer.id, viewer.role >= .lead { mayConfirm = try await PeopleAccess.leadsOrManages(personId, viewer: viewer, on: db) }
        let names = try await PeopleWeb.names(skills.compactMap(\.confirmedBy), on: db)
        let people = try await PeopleWeb.visiblePeople(to: viewer, on: db)
        let rows: [Markup] = skills.map { skill in
            let confirmed = skill.confirmedLevel.map { "\($0) (\(skill.confirmedBy.flatMap { names[$0] } ?? ""))" } ?? "–"
            let form = "confirm-\(skill.skillId)"
            let confirm: Markup = mayConfirm ? """
                <td>\(FormProblem.alert(problem, form))<form method="post" action="\(WebRoute.people(.confirmSkill(user: .value(personId), skill: .value(skill.skillId))))" class="inline">\(req.csrfField)
                  <label class="visually-hidden" for="c-\(skill.skillId)">Confirmed level of \(skill.name)</label>
                  <select id="c-\(skill.skillId)" name="level">\(Format.options(levels, selected: FormProblem.value(problem, form, "level", String(skill.confirmedLevel ?? skill.level))))</select>
                  <button type="submit" class="secondary">Confirm</button></form></td>
                """ : .empty
            return "<tr><td>\(skill.name)</td><td>\(PeopleWeb.words(skill.kind.rawValue))</td><td class=\"num\">\(skill.level)</td><td>\(confirmed)</td>\(confirm)</tr>"
        }
        let catalogue = try await Skill.query(on: db).sort(\.$name).all()
        let suggestions: [Markup] = catalogue.map { "<option value=\"\($0.name)\"></option>" }
        let assess: Markup = personId == viewer.id ? """
            <section class="panel inline-panel" aria-labelledby="assess-h"><h2 id="assess-h">Assess a skill</h2>
              \(FormProblem.alert(problem, "assess"))
              <form method="post" action="\(WebRoute.people(.skills))" class="grid-form">\(req.csrfField)
                <div><label for="skill-name">Skill</label><input id="skill-name" name="name" list="skill-names" maxlength="100" required value="\(FormProblem.value(problem, "assess", "name"))"><datalist id="skill-names">\(suggestions)</datalist></div>
                <div><label for="skill-kind">Kind (for a new skill)</label><select id="skill-kind" name="kind">\(Format.options([("", "Already listed")] + SkillKind.allCases.map { ($0.rawValue, PeopleWeb.words($0.rawValue)) }, selected: FormProblem.value(problem, "assess", "kind")))</select></div>
                <div><label for="skill-level">My level (1–5)</label><select id="skill-level" name="level">\(Format.options(levels, selected: FormProblem.value(problem, "assess", "level", "3")))</select></div>
                <div class="end"><button type="submit">Save</button></div>
              </form>
            </section>
            """ : .empty
        let switcher: Markup = people.count > 1 ? """
            <form method="get" action="\(WebRoute.people(.skills))" class="filters"><label for="who">Whose skills</label>
            <select id="who" name="user_id">\(PeopleWeb.personOptions(people, selected: personId.uuidString))</select>
            <button type="submit" class="secondary">Show</button></form>
            """ : .empty
        let title = personId == viewer.id ? "My skills" : "Skills of \(person.name)"
        let empty: Markup = "<tr class=\"empty\"><td colspan=\"5\">No skills assessed yet.</td></tr>"
        let confirmHead: Markup = mayConfirm ? "<th scope=\"col\">Confirm</th>" : .empty
        return try await PeopleWeb.page(req, active: "people-skills", title: title, main: """
            <div class="page-head"><h1>\(title)</h1>\(switcher)</div>
            <p class="lead">Product, technical and emotional skills: levels from 1 (learning) to 5 (teaches others).</p>
            <table class="tickets"><thead><tr><th scope="col">Skill</th><th scope="col">Kind</th><th scope="col" class="num">Self</th><th scope="col">Confirmed</th>\(confirmHead)</tr></thead>
              <tbody>\(rows.isEmpty ? [empty] : rows)</tbody></table>
            \(assess)
            """)
    }
}
