import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/projects`: special projects (seed 003: "volunteer for special projects; don't
/// wait to be asked"). Anyone proposes one they lead or joins one; the project lead or a manager
/// moves it along and records the outcome.
enum ProjectsPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "new", values: form, success: { _ in WebRoute.people(.projects).link },
                                          page: { try await page(req, problem: $0) }) { db in
            _ = try await ProjectsController.create(.init(title: form["title"], description: form["description"], leadId: nil, status: nil), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func join(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("projectID", of: "project")
        return try await PeopleWeb.submit(req, form: "join-\(id)", values: [:], success: { _ in WebRoute.people(.projects).fragment("project-\(id)") },
                                          page: { try await page(req, problem: $0) }) { db in
            _ = try await ProjectsController.addMember(.init(userId: nil, role: .volunteer), to: id, by: viewer, on: db, now: req.now)
            return nil
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let id = try req.id("projectID", of: "project")
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "update-\(id)", values: form, success: { _ in WebRoute.people(.projects).fragment("project-\(id)") },
                                          page: { try await page(req, problem: $0) }) { db in
            guard let status = ProjectStatus(rawValue: form["status"] ?? "") else {
                throw PeopleError.invalid(field: "status", reason: "Pick where the project stands.")
            }
            _ = try await ProjectsController.update(id, .init(title: nil, description: nil, status: status, outcome: form["outcome"] ?? ""), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let projects = try await ProjectsController.dtos(try await Project.query(on: db).sort(\.$createdAt, .descending).limit(200).all(), on: db)
        let names = try await PeopleWeb.names(projects.flatMap { $0.members.map(\.userId) + [$0.leadId] }, on: db)
        let statuses = ProjectStatus.allCases.map { ($0.rawValue, PeopleWeb.words($0.rawValue)) }
        let items: [Markup] = projects.map { project in
            let members: [Markup] = project.members.map { "<li>\(PeopleWeb.person($0.userId, names)) <span class=\"muted small\">\($0.role.rawValue)</span></li>" }
            let isMember = project.members.contains { $0.userId == viewer.id }
            let join: Markup = isMember || project.status == .completed || project.status == .cancelled ? .empty : """
                \(FormProblem.alert(problem, "join-\(project.id)"))
                <form method="post" action="\(WebRoute.people(.joinProject(.value(project.id))))" class="inline">\(req.csrfField)<button type="submit" class="secondary">Volunteer</button></form>
                """
            let form = "update-\(project.id)"
            let manage: Markup = project.leadId == viewer.id || viewer.role.managesPeople ? """
                <details\(problem?.form == form ? " open" : "")><summary>Update status and outcome</summary>
                  \(FormProblem.alert(problem, form))
                  <form method="post" action="\(WebRoute.people(.project(.value(project.id))))" class="stack">\(req.csrfField)
                    <label for="s-\(project.id)">Status</label><select id="s-\(project.id)" name="status">\(Format.options(statuses, selected: FormProblem.value(problem, form, "status", project.status.rawValue)))</select>
                    <label for="o-\(project.id)">Outcome</label><textarea id="o-\(project.id)" name="outcome" rows="2">\(FormProblem.value(problem, form, "outcome", project.outcome ?? ""))</textarea>
                    <button type="submit">Save</button>
                  </form></details>
                """ : .empty
            let outcome: Markup = project.outcome.map { "<p><strong>Outcome:</strong> \($0)</p>" } ?? .empty
            return """
                <li class="panel" id="project-\(project.id)"><h3>\(project.title) <span class="badge">\(PeopleWeb.words(project.status.rawValue))</span></h3>
                  <p>\(project.description)</p>\(outcome)
                  <ul class="plain-list columns">\(members)</ul>\(join)\(manage)</li>
                """
        }
        let empty: Markup = "<p class=\"muted\">No projects yet. Propose the first one.</p>"
        return try await PeopleWeb.page(req, active: "people-projects", title: "Projects", main: """
            <div class="page-head"><h1>Special projects</h1></div>
            <section class="panel inline-panel" aria-labelledby="new-h"><h2 id="new-h">Propose a project you lead</h2>
              \(FormProblem.alert(problem, "new"))
              <form method="post" action="\(WebRoute.people(.projects))" class="stack">\(req.csrfField)
                <label for="title">Title</label><input id="title" name="title" maxlength="200" required value="\(FormProblem.value(problem, "new", "title"))">
                <label for="description">What and why</label><textarea id="description" name="description" rows="3" required>\(FormProblem.value(problem, "new", "description"))</textarea>
                <button type="submit">Propose</button>
              </form>
            </section>
            \(items.isEmpty ? empty : "<ul class=\"plain-list projects\">\(items)</ul>")
            """)
    }
}
