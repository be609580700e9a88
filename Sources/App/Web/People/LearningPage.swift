import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/learning`: "what did you learn from your last customer interaction?" (seed 003).
/// My entries (or, for leads and managers, a team member's with `?user_id=`), the add form with
/// an optional ticket number, and "promote to a knowledge-base draft".
enum LearningPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let personId = try PeopleWeb.uuid(req.queryParameters["user_id"], field: "user_id") ?? viewer.requireID()
        return try await page(req, personId: personId, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        let me = try viewer.requireID()
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in WebRoute.people(.learning).link },
                                          page: { try await page(req, personId: me, problem: $0) }) { db in
            let tickets = try await PeopleWeb.ticketIds(form["ticket"], field: "ticket", on: db)
            guard tickets.count <= 1 else { throw PeopleError.invalid(field: "ticket", reason: "An entry links to one ticket at most.") }
            let about = try form["about"].flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let topic = LearningTopic(rawValue: raw) else { throw PeopleError.invalid(field: "about", reason: "Pick what the entry is about.") }
                return topic
            }
            _ = try await LearningController.create(.init(about: about, text: form["text"], ticketId: tickets.first), by: viewer, on: db, at: req.now)
            return nil
        }
    }

    @Sendable static func promote(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("entryID", of: "learning entry")
        let form = try PeopleWeb.form(req)
        guard let entry = try await LearningEntry.find(id, on: req.db) else { throw RequestError.notFound("learning entry") }
        let author = entry.authorId
        return try await PeopleWeb.submit(req, form: "promote-\(id)", values: form, success: { _ in WebRoute.people(.learning).query(["user_id": author]) },
                                          page: { try await page(req, personId: author, problem: $0) }) { db in
            _ = try await LearningController.promote(id, title: PeopleWeb.text(form["title"]), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    static let topics: [(String, String)] = [("product", "A product"), ("customer", "A customer"), ("technique", "A technique"), ("other", "Something else")]

    private static func page(_ req: Request, personId: UUID, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let person = try await PeopleAccess.user(personId, on: db)
        try await PeopleAccess.requireSee(personId, viewer: viewer, on: db)
        let entries = try await LearningEntry.query(on: db).filter(\.$authorId == personId).sort(\.$createdAt, .descending).limit(200).all()
        let numbers = try await PeopleWeb.ticketNumbers(entries.compactMap(\.ticketId), on: db)
        let people = try await PeopleWeb.visiblePeople(to: viewer, on: db)
        let items: [Markup] = try entries.map { entry in
            let id = try entry.requireID()
            let promoted: Markup = entry.articleId != nil ? "<span class=\"badge ok\">Knowledge-base draft</span>" : """
                <details\(problem?.form == "promote-\(id)" ? " open" : "")><summary>Promote to a knowledge-base draft</summary>
                  \(FormProblem.alert(problem, "promote-\(id)"))
                  <form method="post" action="\(WebRoute.people(.promoteLearning(.value(id))))" class="grid-form">\(req.csrfField)
                    <div><label for="title-\(id)">Title (optional)</label><input id="title-\(id)" name="title" maxlength="200" value="\(FormProblem.value(problem, "promote-\(id)", "title"))"></div>
                    <div class="end"><button type="submit" class="secondary">Promote</button></div>
                  </form></details>
                """
            return """
                <li class="entry"><p class="entry-head"><span class="badge">\(PeopleWeb.words(entry.about.rawValue))</span> \(Format.time(entry.createdAt, now: req.now)) \(PeopleWeb.ticketLink(entry.ticketId, numbers))</p>
                <p class="body">\(entry.text)</p>\(promoted)</li>
                """
        }
        let switcher: Markup = people.count > 1 ? """
            <form method="get" action="\(WebRoute.people(.learning))" class="filters"><label for="who">Whose log</label>
            <select id="who" name="user_id">\(PeopleWeb.personOptions(people, selected: personId.uuidString))</select>
            <button type="submit" class="secondary">Show</button></form>
            """ : .empty
        let newForm: Markup = personId == viewer.id ? """
            <section class="panel inline-panel" aria-labelledby="new-h"><h2 id="new-h">What did you learn from your last customer interaction?</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.learning))" class="stack">\(req.csrfField)
                <div class="grid-form">
                  <div><label for="about">About</label><select id="about" name="about">\(Format.options(topics, selected: FormProblem.value(problem, "new", "about", "product")))</select></div>
                  <div><label for="ticket">Ticket number (optional)</label><input id="ticket" name="ticket" inputmode="numeric" value="\(FormProblem.value(problem, "new", "ticket", req.queryParameters["ticket"] ?? ""))"></div>
                </div>
                <label for="text">What I learned</label><textarea id="text" name="text" rows="4" required>\(FormProblem.value(problem, "new", "text"))</textarea>
                <button type="submit">Add to my log</button>
              </form>
            </section>
            """ : .empty
        let title = personId == viewer.id ? "My learning log" : "Learning log of \(person.name)"
        let empty: Markup = "<p class=\"muted\">No entries yet.</p>"
        return try await PeopleWeb.page(req, active: "people-learning", title: title, main: """
            <div class="page-head"><h1>\(title)</h1>\(switcher)</div>
            \(newForm)
            \(items.isEmpty ? empty : "<ul class=\"plain-list learning\">\(items)</ul>")
            """)
    }
}
