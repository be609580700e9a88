@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The people reports and logs in the browser: department health (page, CSV, print), emotional
/// load, the team-role questionnaire, learning, insights, policy friction, skills, projects and
/// careers, with their role rules and form handling.
@Suite("Web people: reports and logs")
struct WebPeopleReportsTests {
    @Test func departmentHealthIsForLeadsWithVerdictHandedOverWorkAndCSV() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            try await f.duty(f.ada.token, name: "Answer the phones", cadence: "daily", minutes: 240, category: "customer")
            try await f.duty(f.ada.token, name: "Sales pipeline report \(Hostile.text)", cadence: "daily", minutes: 120, category: "office", requestedBy: "Sales")
            #expect(try await f.browser(f.ada).get("/desk/people/health").status == .forbidden)

            let lead = try await f.browser(f.lea)
            let page = try await lead.get("/desk/people/health")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<tr><th scope=\"row\"><a href=\"/desk/people/duties?user_id=\(try f.ada.user.requireID())\">Ada Agent</a></th><td class=\"num\">20 h</td><td class=\"num\">10 h</td>"))
            #expect(html.contains("Drifting: only 67% of the working time goes to customers"))
            #expect(html.contains("<td>Sales</td><td class=\"num\">10 h</td>"))
            #expect(html.contains("Sales pipeline report \(Hostile.escaped)"))
            #expect(html.contains("href=\"/desk/people/health.csv?team_id=&amp;from=\(PeopleFixture.periodStart)&amp;to=\(PeopleFixture.today)\""))
            #expect(html.contains("data-print"))
            // The period's fields take days in the format the page writes them, not the browser's locale.
            #expect(html.contains("<p class=\"meta\">\(PeopleFixture.periodStart) to \(PeopleFixture.today), "))
            #expect(html.contains("name=\"from\" type=\"text\" inputmode=\"numeric\" pattern=\"\\d{4}-\\d{2}-\\d{2}\" placeholder=\"YYYY-MM-DD\""))
            #expect(html.contains("value=\"\(PeopleFixture.periodStart)\""))
            #expect(!html.contains("type=\"date\""))
            #expect(!html.contains("Otto Lead"), "a lead sees their own teams only")

            let csv = try await lead.get("/desk/people/health.csv?team_id=\(f.frontLine)")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first == "user_id,name,customer_minutes,office_minutes,coaching_minutes,development_minutes,other_minutes,total_minutes,ticket_minutes,customer_share,service_share,verdict")
            let adaId = try f.ada.user.requireID()
            #expect(lines.contains { $0.hasPrefix("\(adaId),Ada Agent,1200,600,") })

            #expect(try await f.browser(f.otherLead).get("/desk/people/health?team_id=\(f.frontLine)").status == .forbidden)
            let badDate = try await lead.get("/desk/people/health?from=2026-13-01")
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.body.string.contains("from must be a date written yyyy-MM-dd"))
            #expect(try await f.browser(f.manager).get("/desk/people/health?team_id=\(f.billing)").body.string.contains("Otto Lead"))
        }
    }

    @Test func emotionalLoadAndTheRoleProfile() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            #expect(try await f.browser(f.ben).get("/desk/people/load").status == .forbidden)
            let load = try await f.browser(f.lea).get("/desk/people/load")
            #expect(load.status == .ok)
            #expect(load.body.string.contains("Nobody had a heavy day"))
            #expect(load.body.string.contains("It is not a rating."))

            let questionnaire = try RoleProfileController.loaded()
            let web = try await f.browser(f.ada)
            let form = try await web.get("/desk/people/role-profile").body.string
            #expect(form.contains("name=\"\(questionnaire.questions[0].id)\" value=\"\(questionnaire.questions[0].choices[0].id)\""))
            var answers: [String: String] = [:]
            for question in questionnaire.questions { answers[question.id] = question.choices[0].id }
            var partial = answers
            partial[questionnaire.questions[0].id] = nil
            let missing = try await web.post("/desk/people/role-profile", partial)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("form-error"))
            let answered = try await web.post("/desk/people/role-profile", answers)
            #expect(answered.status == .seeOther)
            let stored = try #require(try await RoleProfile.query(on: desk.app.db).first())
            #expect(stored.userId == f.ada.user.id)
            let expected = try questionnaire.score(answers: answers)
            #expect(stored.primaryRole == expected.primary.rawValue)
            let result = try await web.get("/desk/people/role-profile").body.string
            let name = try #require(questionnaire.roles.first { $0.id == expected.primary.rawValue }).name
            #expect(result.contains("You lead as <strong>\(name)</strong>."))
            #expect(!result.contains("Team mix"))
            let mix = try await f.browser(f.manager).get("/desk/people/role-profile").body.string
            #expect(mix.contains("<th scope=\"row\">Front Line</th>"))
            #expect(mix.contains("1 of 3"))
        }
    }

    @Test func learningInsightsAndPolicyFriction() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ticket = try await desk.createTicket(token: f.ada.token)
            let web = try await f.browser(f.ada)
            #expect(try await web.post("/desk/people/learning", ["about": "product", "text": "E3 is a jam \(Hostile.text)", "ticket": "\(ticket.number)"]).status == .seeOther)
            let entry = try #require(try await LearningEntry.query(on: desk.app.db).first())
            #expect((entry.authorId, entry.ticketId, entry.about) == (f.ada.user.id, ticket.id, .product))
            let empty = try await web.post("/desk/people/learning", ["about": "product", "text": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("text must be 1 to 10000 characters"))
            #expect(try await web.get("/desk/people/learning").body.string.contains("E3 is a jam \(Hostile.escaped)"))
            #expect(try await web.post("/desk/people/learning/\(try entry.requireID())/promote", ["title": "Fixing E3"]).status == .seeOther)
            #expect(try await KBArticle.query(on: desk.app.db).first()?.title == "Fixing E3")
            let again = try await web.post("/desk/people/learning/\(try entry.requireID())/promote", ["title": "Again"])
            #expect(again.status == .conflict)
            #expect(try await f.browser(f.ben).get("/desk/people/learning?user_id=\(try f.ada.user.requireID())").status == .forbidden)

            #expect(try await web.post("/desk/people/insights", ["title": "Returns of model X \(Hostile.text)", "description": "Box too weak", "product": "Model X", "tickets": "#\(ticket.number)"]).status == .seeOther)
            let insight = try #require(try await Insight.query(on: desk.app.db).first())
            let insightId = try insight.requireID()
            let noTickets = try await web.post("/desk/people/insights", ["title": "T", "description": "D", "tickets": ""])
            #expect(noTickets.status == .unprocessableEntity)
            #expect(noTickets.body.string.contains("an insight is raised from at least one ticket"))
            let list = try await web.get("/desk/people/insights").body.string
            #expect(list.contains("Returns of model X \(Hostile.escaped)"))
            #expect(!list.contains("/desk/people/insights/\(insightId)/status"), "agents do not move insights")
            #expect(try await web.post("/desk/people/insights/\(insightId)/status", ["status": "reviewed"]).status == .forbidden)
            let lead = try await f.browser(f.lea)
            #expect(try await lead.get("/desk/people/insights").body.string.contains("/desk/people/insights/\(insightId)/status"))
            #expect(try await lead.post("/desk/people/insights/\(insightId)/status", ["status": "accepted"]).status == .seeOther)
            #expect(try await Insight.find(insightId, on: desk.app.db)?.status == .accepted)
            let back = try await lead.post("/desk/people/insights/\(insightId)/status", ["status": "new"])
            #expect(back.status == .unprocessableEntity)
            #expect(back.body.string.contains("an insight moves forward only"))
            let duplicate = try await web.post("/desk/people/insights/\(insightId)/tickets", ["ticket": "\(ticket.number)"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.body.string.contains("that ticket already supports this insight"))
            let export = try await web.get("/desk/people/insights.csv")
            #expect(export.status == .ok)
            #expect(export.body.string.hasPrefix("id,title,product,theme,status,"))

            #expect(try await web.post("/desk/people/frictions", ["policy": "Receipt for every return", "description": "Customers lose receipts", "ticket": "\(ticket.number)", "revenue_at_risk": "120.50"]).status == .seeOther)
            let link = try #require(try await PolicyFrictionTicket.query(on: desk.app.db).first())
            #expect(link.revenueAtRiskCents == 12050)
            let badAmount = try await web.post("/desk/people/frictions", ["policy": "P", "description": "D", "ticket": "\(ticket.number)", "revenue_at_risk": "lots"])
            #expect(badAmount.status == .unprocessableEntity)
            #expect(badAmount.body.string.contains("Revenue at risk is an amount like 120.50."))
            #expect(!(try await web.get("/desk/people/frictions").body.string.contains("Rank</th>")))
            let ranked = try await f.browser(f.manager).get("/desk/people/frictions").body.string
            #expect(ranked.contains("Rank</th>"))
            #expect(ranked.contains("<td class=\"num\">120.50</td>"))
        }
    }

    @Test func skillsProjectsAndCareers() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let web = try await f.browser(f.ada)
            #expect(try await web.post("/desk/people/skills", ["name": "De-escalation", "kind": "emotional", "level": "3"]).status == .seeOther)
            let newWithoutKind = try await web.post("/desk/people/skills", ["name": "Tax law", "kind": "", "level": "2"])
            #expect(newWithoutKind.status == .unprocessableEntity)
            #expect(newWithoutKind.body.string.contains("a new skill needs its kind"))
            let skill = try #require(try await Skill.query(on: desk.app.db).first())
            let skillId = try skill.requireID()
            #expect(try await f.browser(f.ben).get("/desk/people/skills?user_id=\(ada)").status == .forbidden)
            #expect(try await f.browser(f.ben).post("/desk/people/\(ada)/skills/\(skillId)/confirm", ["level": "5"]).status == .forbidden)
            let lead = try await f.browser(f.lea)
            #expect(try await lead.get("/desk/people/skills?user_id=\(ada)").body.string.contains("/desk/people/\(ada)/skills/\(skillId)/confirm"))
            #expect(try await lead.post("/desk/people/\(ada)/skills/\(skillId)/confirm", ["level": "4"]).status == .seeOther)
            let entry = try #require(try await UserSkill.query(on: desk.app.db).first())
            #expect((entry.selfLevel, entry.confirmedLevel, entry.confirmedBy) == (3, 4, f.lea.user.id))
            let badLevel = try await lead.post("/desk/people/\(ada)/skills/\(skillId)/confirm", ["level": "9"])
            #expect(badLevel.status == .unprocessableEntity)
            #expect(badLevel.body.string.contains("level must be from 1 to 5"))

            #expect(try await web.post("/desk/people/projects", ["title": "Returns FAQ \(Hostile.text)", "description": "Write the FAQ"]).status == .seeOther)
            let project = try #require(try await Project.query(on: desk.app.db).first())
            let projectId = try project.requireID()
            let ben = try await f.browser(f.ben)
            #expect(try await ben.get("/desk/people/projects").body.string.contains("Returns FAQ \(Hostile.escaped)"))
            #expect(try await ben.post("/desk/people/projects/\(projectId)/join").status == .seeOther)
            #expect(try await ProjectMember.query(on: desk.app.db).filter(\.$projectId == projectId).count() == 2)
            let twice = try await ben.post("/desk/people/projects/\(projectId)/join")
            #expect(twice.status == .conflict)
            #expect(try await ben.post("/desk/people/projects/\(projectId)", ["status": "completed", "outcome": "x"]).status == .forbidden)
            #expect(try await web.post("/desk/people/projects/\(projectId)", ["status": "completed", "outcome": "Returns calls down 20%"]).status == .seeOther)
            let finished = try #require(try await Project.find(projectId, on: desk.app.db))
            #expect((finished.status, finished.outcome) == (.completed, "Returns calls down 20%"))

            #expect(try await web.post("/desk/people/careers", ["user_id": ada.uuidString, "kind": "move", "on": PeopleFixture.today, "to_title": "PM"]).status == .forbidden)
            let manager = try await f.browser(f.manager)
            #expect(try await manager.post("/desk/people/careers", [
                "user_id": ada.uuidString, "kind": "move", "on": PeopleFixture.today, "from_title": "Agent", "to_title": "Product manager", "department": "Product",
            ]).status == .seeOther)
            let noTitle = try await manager.post("/desk/people/careers", ["user_id": ada.uuidString, "kind": "promotion", "on": PeopleFixture.today, "to_title": ""])
            #expect(noTitle.status == .unprocessableEntity)
            #expect(noTitle.body.string.contains("to_title must be 1 to 200 characters"))
            let alumni = try await web.get("/desk/people/alumni").body.string
            #expect(alumni.contains("<td><a href=\"/desk/people/\(ada)\">Ada Agent</a></td><td>Product</td><td>Product manager</td><td>Agent</td>"))
        }
    }
}
