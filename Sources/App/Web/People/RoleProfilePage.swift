import Fluent
import FrontlineCore
import Vapor

/// `/desk/people/role-profile`: the short team-role questionnaire (seed 002: coach, cheerleader,
/// team player, score keeper) and its result with the kind description of each role. The result
/// is the person's own (and their managers'); managers also see each team's mix, as counts only.
enum RoleProfilePage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, problem: nil).response()
    }

    @Sendable static func answer(req: Request) async throws -> Response {
        let viewer = try req.deskUser()
        let form = try PeopleWeb.form(req)
        return try await PeopleWeb.submit(req, form: "questionnaire", values: form, success: { _ in WebRoute.people(.roleProfile).fragment("result") },
                                          page: { try await page(req, problem: $0) }) { db in
            _ = try await RoleProfileController.answer(form.filter { !$0.value.isEmpty }, for: try viewer.requireID(), by: viewer, on: db, now: req.now)
            return nil
        }
    }

    /// The result: the leading role with its description, and the second one when close.
    static func result(_ result: RoleProfileController.ProfileDTO, now: Date) -> Markup {
        let secondary: Markup = result.secondary.map { role in
            "<p>Also strong as <strong>\(role.name)</strong>: \(role.description)</p>"
        } ?? .empty
        let tie: Markup = result.isTie ? "<p class=\"small muted\">Two roles came out even; both are yours.</p>" : .empty
        return """
            <p class="role-result">You lead as <strong>\(result.primary.name)</strong>.</p>
            <p>\(result.primary.description)</p>\(secondary)\(tie)
            <p class="small muted">Answered \(Format.time(result.updatedAt, now: now)).</p>
            """
    }

    private static func page(_ req: Request, problem: FormProblem?) async throws -> Markup {
        let viewer = try req.deskUser()
        let db = req.db
        let questionnaire = try RoleProfileController.loaded()
        // A profile answered under an older wording shows as not answered.
        let mine: RoleProfileController.ProfileDTO? = (try? await RoleProfileController.result(for: try viewer.requireID(), on: db)) ?? nil
        let current = mine?.answers ?? [:]
        let questions: [Markup] = questionnaire.questions.enumerated().map { index, question in
            let chosen = FormProblem.value(problem, "questionnaire", question.id, current[question.id] ?? "")
            let choices: [Markup] = question.choices.map { choice in
                let checked: Markup = choice.id == chosen ? " checked" : .empty
                return "<label class=\"choice\"><input type=\"radio\" name=\"\(question.id)\" value=\"\(choice.id)\" required\(checked)> \(choice.text)</label>"
            }
            return "<fieldset class=\"question\"><legend>\(index + 1). \(question.text)</legend>\(choices)</fieldset>"
        }
        let resultPanel: Markup = if let profile = mine {
            "<section class=\"panel inline-panel\" id=\"result\"><h2>Your result</h2>\(result(profile, now: req.now))</section>"
        } else { .empty }
        let roles: [Markup] = questionnaire.roles.map { "<li><strong>\($0.name)</strong>: \($0.description)</li>" }
        return try await PeopleWeb.page(req, active: "people-role", title: "Team-role profile", main: """
            <div class="page-head"><h1>Team-role profile</h1></div>
            <p class="lead">A short questionnaire about how you work in a team. There are no wrong answers: every role is a strength. Your result is seen by you and your managers only.</p>
            \(resultPanel)
            <section class="panel inline-panel"><h2>\(mine == nil ? "The questionnaire" : "Answer again")</h2>
              \(FormProblem.alert(problem, "questionnaire"))
              <form method="post" action="\(WebRoute.people(.roleProfile))" class="stack">\(req.csrfField)
                \(questions)
                <button type="submit">See my result</button>
              </form>
            </section>
            <section class="panel inline-panel"><h2>The four roles</h2><ul class="plain-list">\(roles)</ul></section>
            \(try await teamMix(req, viewer: viewer, questionnaire: questionnaire))
            """)
    }

    /// Managers: how many in each team lead with each role. Counts, never names (as the API).
    private static func teamMix(_ req: Request, viewer: User, questionnaire: RoleProfileQuestionnaire) async throws -> Markup {
        guard viewer.role.managesPeople else { return .empty }
        let teams = try await Team.query(on: req.db).sort(\.$name).all()
        let header: [Markup] = questionnaire.roles.map { "<th scope=\"col\" class=\"num\">\($0.name)</th>" }
        var rows: [Markup] = []
        for team in teams {
            let mix = try await RoleProfileController.mix(of: try team.requireID(), on: req.db)
            let cells: [Markup] = questionnaire.roles.map { "<td class=\"num\">\(mix.counts[$0.id] ?? 0)</td>" }
            rows.append("<tr><th scope=\"row\">\(team.name)</th>\(cells)<td class=\"num\">\(mix.profiles) of \(mix.members)</td></tr>")
        }
        return """
            <h2>Team mix</h2>
            <table class="tickets"><thead><tr><th scope="col">Team</th>\(header)<th scope="col" class="num">Answered</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }
}
