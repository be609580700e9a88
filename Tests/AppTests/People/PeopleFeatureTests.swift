@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The people features end to end: role profile scoring, kudos and highlights, insights and
/// policy frictions with their figures, emotional load, learning promotion, skills and careers.
@Suite("People features")
struct PeopleFeatureTests {
    @Test func roleProfileIsScoredThroughTheAPI() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let questions = try await desk.send(.GET, "/api/v1/role-profile/questions", token: f.ben.token).decoded(RoleProfileController.QuestionsDTO.self)
            #expect(questions.questions.count == 12)
            #expect(questions.roles.map(\.id) == ["coach", "cheerleader", "team_player", "score_keeper"])
            // Coach 5 times, cheerleader 4, team player 2, score keeper 1.
            let answers = ["q1": "a", "q2": "c", "q3": "b", "q4": "c", "q5": "c", "q6": "b", "q7": "d", "q8": "d", "q9": "a",
                           "q10": "a", "q11": "a", "q12": "c"]
            let response = try await desk.send(.PUT, "/api/v1/users/\(ada)/role-profile", token: f.ada.token, json: ["answers": answers])
            #expect(response.status == .ok, "\(response.body.string)")
            let profile = try response.decoded(RoleProfileController.ProfileDTO.self)
            #expect(profile.primary.id == "coach")
            #expect(profile.secondary?.id == "cheerleader")
            #expect(profile.isTie == false)
            #expect(profile.counts == ["coach": 5, "cheerleader": 4, "team_player": 2, "score_keeper": 1])
            #expect(profile.percentages == ["coach": 41.7, "cheerleader": 33.3, "team_player": 16.7, "score_keeper": 8.3])
            #expect(!profile.primary.description.isEmpty)

            let seen = try await desk.send(.GET, "/api/v1/users/\(ada)/role-profile", token: f.manager.token).decoded(RoleProfileController.ProfileDTO.self)
            #expect(seen.primary.id == "coach")
            #expect(seen.answers == answers)

            let unknown = try await desk.send(.PUT, "/api/v1/users/\(ada)/role-profile", token: f.ada.token,
                                              json: ["answers": answers.merging(["q3": "z"]) { $1 }])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.apiError?.code == "unknown_choice")
            #expect(unknown.apiError?.field == "answers.q3")

            // Ben answers "a" everywhere: team player 4, score keeper 3, cheerleader 3, coach 2.
            let ben = try f.ben.user.requireID()
            let all = Dictionary(uniqueKeysWithValues: (1...12).map { ("q\($0)", "a") })
            let benProfile = try await desk.send(.PUT, "/api/v1/users/\(ben)/role-profile", token: f.ben.token, json: ["answers": all])
                .decoded(RoleProfileController.ProfileDTO.self)
            #expect(benProfile.primary.id == "team_player")
            #expect(benProfile.secondary?.id == "score_keeper")  // tied with cheerleader; chosen earlier (q2)
            let mix = try await desk.send(.GET, "/api/v1/teams/\(f.frontLine)/role-mix", token: f.manager.token).decoded(RoleProfileController.RoleMixDTO.self)
            #expect(mix.members == 3)
            #expect(mix.profiles == 2)
            #expect(mix.counts == ["coach": 1, "cheerleader": 0, "team_player": 1, "score_keeper": 0])
        }
    }

    @Test func kudosFeedWallAndHighlights() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID(), ben = try f.ben.user.requireID()
            // Ada was recognised last year already; Ben never was.
            try await desk.app.write { db in
                try await Kudos(toUserId: ada, fromUserId: ben, source: .peer, value: .expertise, message: "Old thanks", quote: nil,
                                ticketId: nil, messageId: nil, at: Date().addingTimeInterval(-400 * 86_400)).create(on: db)
            }
            for (token, to, value) in [(f.ben.token, ada, "teamwork"), (f.lea.token, ada, "ownership"), (f.ada.token, ben, "empathy")] {
                let response = try await desk.send(.POST, "/api/v1/kudos", token: token,
                                                   json: ["to_user_id": to.uuidString, "message": "Thank you!", "value": value])
                #expect(response.status == .created, "\(response.body.string)")
            }
            let ticket = try await desk.createTicket(token: f.ben.token)
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages", token: f.ben.token).decoded(MessageList.self)
            let fromCustomer = try await desk.send(.POST, "/api/v1/kudos/from-customer", token: f.lea.token, json: [
                "to_user_id": .string(ben.uuidString), "ticket_id": .string(ticket.id.uuidString),
                "message_id": .number(Double(messages.messages[0].id)), "quote": .string("Ben saved my deadline!"),
            ] as [String: JSON])
            #expect(fromCustomer.status == .created, "\(fromCustomer.body.string)")
            let customerKudos = try fromCustomer.decoded(KudosDTO.self)
            #expect(customerKudos.source == .customer)
            #expect(customerKudos.quote == "Ben saved my deadline!")
            #expect(customerKudos.from.id == f.lea.user.id)

            let month = String(Days.day(of: Date()).prefix(7))
            let highlights = try await desk.send(.GET, "/api/v1/kudos/highlights?month=\(month)", token: f.ada.token)
                .decoded(KudosHighlightsController.Highlights.self)
            #expect(highlights.total == 4)
            #expect(highlights.fromCustomers == 1)
            #expect(highlights.countsByValue == ["ownership": 1, "empathy": 1, "expertise": 0, "teamwork": 1, "going_the_extra_mile": 0])
            #expect(highlights.firstTimeRecognised.map(\.name) == ["Ben Agent"])
            #expect(highlights.recent.count == 4)

            let wall = try await desk.send(.GET, "/api/v1/users/\(ada)/kudos", token: f.otherAgent.token).decoded(KudosController.KudosPage.self)
            #expect(wall.kudos.map(\.message).last == "Old thanks")
            #expect(wall.kudos.count == 3)
            let page = try await desk.send(.GET, "/api/v1/kudos?limit=3", token: f.ben.token).decoded(KudosController.KudosPage.self)
            #expect(page.kudos.count == 3)
            let cursor = try #require(page.nextCursor)
            let next = try await desk.send(.GET, "/api/v1/kudos?limit=3&cursor=\(cursor)", token: f.ben.token).decoded(KudosController.KudosPage.self)
            #expect(next.kudos.count == 2)
            #expect(next.nextCursor == nil)
        }
    }

    @Test func insightsAndPolicyFrictionsAddUp() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            #expect(try await desk.send(.PATCH, "/api/v1/settings/department-health", token: f.admin.token, json: ["cost_per_minute": 0.5]).status == .ok)
            let first = try await desk.createTicket(token: f.ada.token, email: "pat@example.test")
            let second = try await desk.createTicket(token: f.ada.token, email: "pat@example.test")
            let third = try await desk.createTicket(token: f.ada.token, email: "sam@example.test")
            for (ticket, visibility) in [(first, "public"), (first, "public"), (third, "internal")] {
                #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: f.ada.token,
                                            json: ["body": "On it", "visibility": visibility]).status == .created)
            }
            let created = try await desk.send(.POST, "/api/v1/insights", token: f.ada.token, json: [
                "title": .string("Returns are high on LX-400"), "description": .string("Firmware E3"), "product": .string("LX-400"),
                "theme": .string("firmware"), "ticket_ids": .array([.string(first.id.uuidString), .string(second.id.uuidString)]),
            ] as [String: JSON])
            #expect(created.status == .created, "\(created.body.string)")
            let insight = try created.decoded(InsightDTO.self)
            #expect((insight.ticketCount, insight.customerCount, insight.minutesHandled, insight.costEstimate) == (2, 1, 12, 6))
            let added = try await desk.send(.POST, "/api/v1/insights/\(insight.id)/tickets", token: f.ben.token, json: ["ticket_id": third.id.uuidString])
            let grown = try added.decoded(InsightDTO.self)
            #expect((grown.ticketCount, grown.customerCount, grown.minutesHandled, grown.costEstimate) == (3, 2, 14, 7))
            #expect(try await desk.send(.POST, "/api/v1/insights/\(insight.id)/tickets", token: f.ben.token, json: ["ticket_id": third.id.uuidString]).status == .conflict)

            #expect(try await desk.send(.PATCH, "/api/v1/insights/\(insight.id)", token: f.ada.token, json: ["status": "reviewed"]).status == .forbidden)
            #expect(try await desk.send(.PATCH, "/api/v1/insights/\(insight.id)", token: f.lea.token, json: ["status": "accepted"]).status == .ok)
            let back = try await desk.send(.PATCH, "/api/v1/insights/\(insight.id)", token: f.lea.token, json: ["status": "reviewed"])
            #expect(back.status == .unprocessableEntity)
            #expect(back.apiError?.code == "invalid_status_change")
            #expect(try await desk.send(.PATCH, "/api/v1/insights/\(insight.id)", token: f.admin.token, json: ["status": "reviewed"]).decoded(InsightDTO.self).status == .reviewed)

            let csv = try await desk.send(.GET, "/api/v1/insights/export.csv", token: f.manager.token)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines[0] == "id,title,product,theme,status,ticket_count,customer_count,minutes_handled,cost_estimate,created_at")
            #expect(lines[1].hasPrefix("\(insight.id.uuidString),Returns are high on LX-400,LX-400,firmware,reviewed,3,2,14,7,"))

            let friction = try await desk.send(.POST, "/api/v1/policy-frictions", token: f.ada.token, json: [
                "policy": .string("Refurbished units only"), "description": .string("Customers refuse refurbished units"),
                "ticket_id": .string(first.id.uuidString), "revenue_at_risk": .number(100.5),
            ] as [String: JSON]).decoded(PolicyFrictionDTO.self)
            let grownFriction = try await desk.send(.POST, "/api/v1/policy-frictions/\(friction.id)/tickets", token: f.ben.token,
                                                    json: ["ticket_id": JSON.string(third.id.uuidString), "revenue_at_risk": .number(200)]).decoded(PolicyFrictionDTO.self)
            #expect((grownFriction.ticketCount, grownFriction.customerCount, grownFriction.minutesHandled, grownFriction.costEstimate, grownFriction.revenueAtRisk)
                    == (2, 2, 14, 7, 300.5))
            _ = try await desk.send(.POST, "/api/v1/policy-frictions", token: f.ben.token, json: [
                "policy": "Approval for duplicate refunds", "description": "Waits for Finance", "ticket_id": second.id.uuidString,
            ])
            let report = try await desk.send(.GET, "/api/v1/reports/policy-friction", token: f.manager.token).decoded(PolicyFrictionsController.FrictionReport.self)
            #expect(report.frictions.map(\.policy) == ["Refurbished units only", "Approval for duplicate refunds"])
        }
    }

    @Test func aHeavyDayPromptsACheckIn() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            // Urgent, difficult and escalated: 1 + 2 + 2 = 5.
            let first = try await desk.createTicket(token: f.ada.token, extra: ["priority": .string("urgent"), "tags": .array([.string("difficult")])])
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(first.id)/messages", token: f.ada.token, json: ["body": "I am sorry, on it."]).status == .created)
            // Handed to Ada, difficult and escalated: 1 + 2 + 2 = 5.
            let second = try await desk.createTicket(token: f.ben.token, extra: ["tags": .array([.string("difficult")])])
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(second.id)/assign", token: f.ben.token, json: ["owner_id": f.ben.user.requireID().uuidString]).status == .ok)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(second.id)/handoffs", token: f.ben.token,
                                        json: ["to_user_id": ada.uuidString, "note": "Angry about the third refund attempt; call before 15:00."]).status == .ok)
            let now = desk.app.clock.now()
            try await desk.app.write { db in
                for id in [first.id, second.id] {
                    let desk = TicketDesk(on: db, actor: .system, at: now)
                    try await desk.record("escalated", on: try await desk.ticketForChange(id), [:])
                }
            }
            let load = try await desk.send(.GET, "/api/v1/users/\(ada)/emotional-load?date=\(PeopleFixture.today)", token: f.ada.token)
                .decoded(EmotionalLoadReport.DayLoad.self)
            #expect(load.contacts == 2)
            #expect(load.contactsWithSignals == 2)
            #expect(load.figure == 10)
            #expect(load.level == .heavy)
            #expect(load.suggestion.contains("check-in"))

            let team = try await desk.send(.GET, "/api/v1/reports/emotional-load?team_id=\(f.frontLine)", token: f.lea.token)
                .decoded(EmotionalLoadController.TeamLoad.self)
            #expect(team.peopleChecked == 3)
            #expect(team.heavy.map(\.name) == ["Ada Agent"])
            let yesterday = try await desk.send(.GET, "/api/v1/users/\(ada)/emotional-load?date=\(Days.adding(-1, to: PeopleFixture.today))", token: f.lea.token)
                .decoded(EmotionalLoadReport.DayLoad.self)
            #expect((yesterday.contacts, yesterday.figure, yesterday.level) == (0, 0, .light))
        }
    }

    @Test func learningSkillsProjectsAndCareers() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID(), ben = try f.ben.user.requireID()
            let entry = try await desk.send(.POST, "/api/v1/learning-entries", token: f.ada.token,
                                            json: ["about": "product", "text": "E3 clears with a 10-second reset\nThen re-seat the toner."]).decoded(LearningEntryDTO.self)
            let promoted = try await desk.send(.POST, "/api/v1/learning-entries/\(entry.id)/promote", token: f.lea.token, json: [String: String]())
            #expect(promoted.status == .created)
            let article = try promoted.decoded(KBArticleDTO.self)
            #expect((article.title, article.status, article.sourceLearningEntryId, article.authorId) == ("E3 clears with a 10-second reset", .draft, entry.id, ada))
            let drafts = try await desk.send(.GET, "/api/v1/kb/articles?status=draft", token: f.ben.token).decoded(KBArticlesController.ArticleList.self)
            #expect(drafts.articles.map(\.id) == [article.id])
            #expect(try await desk.send(.POST, "/api/v1/learning-entries/\(entry.id)/promote", token: f.ben.token, json: [String: String]()).status == .forbidden)

            let assessed = try await desk.send(.POST, "/api/v1/users/\(ada)/skills", token: f.ada.token, json: ["name": .string("empathy"), "level": .number(4)] as [String: JSON])
            #expect(assessed.status == .created)
            let skill = try assessed.decoded(UserSkillDTO.self)
            #expect((skill.name, skill.kind) == ("Empathy", .emotional))
            #expect(try await desk.send(.POST, "/api/v1/users/\(ada)/skills", token: f.ada.token, json: ["name": .string("Empathy"), "level": .number(5)] as [String: JSON]).status == .ok)
            #expect(try await desk.send(.POST, "/api/v1/users/\(ada)/skills/\(skill.skillId)/confirm", token: f.otherLead.token, json: ["level": 4]).status == .forbidden)
            let confirmed = try await desk.send(.POST, "/api/v1/users/\(ada)/skills/\(skill.skillId)/confirm", token: f.lea.token, json: ["level": 4]).decoded(UserSkillDTO.self)
            #expect((confirmed.level, confirmed.confirmedLevel, confirmed.confirmedBy) == (5, 4, f.lea.user.id))
            let leaId = try f.lea.user.requireID()
            _ = try await desk.send(.POST, "/api/v1/users/\(leaId)/skills", token: f.lea.token, json: ["name": .string("Coaching"), "level": .number(3)] as [String: JSON])
            let coachingSkill = try #require(CreateSkills.emotionalSkills.first { $0.1 == "Coaching" }?.0)
            let own = try await desk.send(.POST, "/api/v1/users/\(leaId)/skills/\(coachingSkill)/confirm", token: f.lea.token, json: ["level": 3])
            #expect(own.status == .forbidden)

            let project = try await desk.send(.POST, "/api/v1/projects", token: f.ada.token,
                                              json: ["title": "Why are returns so high?", "description": "A white paper"]).decoded(ProjectDTO.self)
            #expect(try await desk.send(.POST, "/api/v1/projects/\(project.id)/members", token: f.ben.token, json: [String: String]()).status == .created)
            #expect(try await desk.send(.POST, "/api/v1/projects/\(project.id)/members", token: f.ben.token, json: ["user_id": f.lea.user.requireID().uuidString]).status == .forbidden)

            #expect(try await desk.send(.POST, "/api/v1/career-moves", token: f.manager.token, json: [
                "user_id": ben.uuidString, "on": "2026-10-01", "kind": "move", "from_title": "Agent", "to_title": "Product manager", "department": "Product management",
            ]).status == .created)
            #expect(try await desk.send(.POST, "/api/v1/career-moves", token: f.manager.token, json: [
                "user_id": leaId.uuidString, "on": "2026-09-01", "kind": "promotion", "from_title": "Agent", "to_title": "Team lead",
            ]).status == .created)
            let alumni = try await desk.send(.GET, "/api/v1/career-moves/alumni", token: f.ada.token).decoded(CareerMovesController.MoveList.self)
            #expect(alumni.moves.map(\.name) == ["Ben Agent"])
            #expect(alumni.moves.first?.department == "Product management")

            let profile = try await desk.send(.GET, "/api/v1/users/\(ada)/profile", token: f.ada.token).decoded(ProfileController.ProfileDTO.self)
            #expect(profile.learning.map(\.articleId) == [article.id])
            #expect(profile.skills.map(\.confirmedLevel) == [4])
            #expect(profile.projects.map(\.title) == ["Why are returns so high?"])
            #expect(profile.projects.first?.members.map(\.role) == [.lead, .volunteer])
        }
    }
}
