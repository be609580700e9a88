@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The coaching pages: logging a session, the session page with its private notes, agreed actions
/// closed with "done", the agent's acknowledgement and view, editing, and the lead's reports.
@Suite("Web people: coaching")
struct WebPeopleCoachingTests {
    @Test func aLeadLogsASessionTheAgentAcknowledgesAndClosesAnAction() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let ticket = try await desk.createTicket(token: f.ada.token)
            let lead = try await f.browser(f.lea)
            let due = Days.adding(7, to: PeopleFixture.today)
            let logged = try await lead.post("/desk/people/coaching", [
                "agent_id": ada.uuidString, "on": PeopleFixture.today, "minutes": "40", "topics": "holds, de-escalation",
                "tickets": "\(ticket.number)", "notes": "Private \(Hostile.text)", "action_1": "Give a wait time before every hold", "due_1": due,
            ])
            #expect(logged.status == .seeOther, "\(logged.body.string.prefix(400))")
            let session = try #require(try await CoachingSession.query(on: desk.app.db).first())
            let id = try session.requireID()
            #expect(logged.location == "/desk/people/coaching/\(id)")
            #expect((session.coachId, session.agentId, session.minutes, session.notes) == (f.lea.user.id, ada, 40, "Private \(Hostile.text)"))
            let dto = try await CoachingPresenter.dto(session, on: desk.app.db, today: Days.day(of: desk.app.clock.now()))
            #expect(dto.topics == ["de-escalation", "holds"])
            #expect(dto.ticketIds == [ticket.id])
            #expect(dto.actions.map(\.description) == ["Give a wait time before every hold"])
            #expect(dto.actions.map(\.dueOn) == [due])

            let undated = try await lead.post("/desk/people/coaching", ["agent_id": ada.uuidString, "on": PeopleFixture.today, "minutes": "20", "action_1": "Someday"])
            #expect(undated.status == .unprocessableEntity)
            #expect(undated.body.string.contains("each agreed action needs a due date (yyyy-MM-dd)"))
            #expect(undated.body.string.contains("value=\"Someday\""))
            #expect(try await f.browser(f.ben).post("/desk/people/coaching", ["agent_id": ada.uuidString, "on": PeopleFixture.today, "minutes": "20"]).status == .forbidden)
            #expect(try await lead.post("/desk/people/coaching", ["agent_id": try f.otherAgent.user.requireID().uuidString, "on": PeopleFixture.today, "minutes": "20"]).status == .forbidden)

            // The agent reads the notes, acknowledges with their own view and closes the action.
            let agent = try await f.browser(f.ada)
            let page = try await agent.get("/desk/people/coaching/\(id)").body.string
            #expect(page.contains("Private \(Hostile.escaped)"))
            #expect(page.contains("Mark done"))
            #expect(page.contains("Not acknowledged yet"))
            #expect(!page.contains("Edit this session"))
            let acknowledged = try await agent.post("/desk/people/coaching/\(id)/acknowledge", ["agent_view": "Fair \(Hostile.text)"])
            #expect(acknowledged.status == .seeOther)
            let afterAck = try #require(try await CoachingSession.find(id, on: desk.app.db))
            #expect(afterAck.acknowledgedAt != nil)
            #expect(afterAck.agentView == "Fair \(Hostile.text)")
            let actionId = dto.actions[0].id
            #expect(try await agent.post("/desk/people/coaching/\(id)/actions/\(actionId)/done").status == .seeOther)
            let action = try #require(try await CoachingAction.find(actionId, on: desk.app.db))
            #expect(action.doneBy == ada)
            #expect(action.doneAt != nil)
            let done = try await agent.get("/desk/people/coaching/\(id)").body.string
            #expect(done.contains("<span class=\"badge ok\">Done</span> <span class=\"small muted\">by Ada Agent"))
            #expect(done.contains("Fair \(Hostile.escaped)"))
            #expect(try await agent.post("/desk/people/coaching/\(id)", ["on": PeopleFixture.today, "minutes": "5"]).status == .forbidden)
            let tooLong = try await agent.post("/desk/people/coaching/\(id)/acknowledge", ["agent_view": String(repeating: "x", count: 10_001)])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.body.string.contains("agent_view must be 1 to 10000 characters"))

            // Others do not see the session at all; a manager sees it and may edit but not close actions.
            #expect(try await f.browser(f.ben).get("/desk/people/coaching/\(id)").status == .notFound)
            #expect(try await f.browser(f.otherLead).get("/desk/people/coaching/\(id)").status == .notFound)
            let manager = try await f.browser(f.manager)
            let managerPage = try await manager.get("/desk/people/coaching/\(id)").body.string
            #expect(managerPage.contains("Edit this session"))
            #expect(!managerPage.contains("Mark done"))
            #expect(!managerPage.contains("Update my view"))
        }
    }

    @Test func theCoachEditsMinutesTicketsAndActions() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let created = try await f.coach(f.lea, f.ada.user, on: PeopleFixture.today, minutes: 30)
            let lead = try await f.browser(f.lea)
            let page = try await lead.get("/desk/people/coaching/\(created.id)").body.string
            #expect(page.contains("Edit this session"))
            let due = Days.adding(3, to: PeopleFixture.today)
            let saved = try await lead.post("/desk/people/coaching/\(created.id)", [
                "on": PeopleFixture.today, "minutes": "45", "topics": "tone", "tickets": "", "notes": "Edited",
                "action_1": "Read the refund policy", "due_1": due, "action_2": "", "due_2": "",
            ])
            #expect(saved.status == .seeOther)
            var dto = try await CoachingPresenter.dto(try #require(try await CoachingSession.find(created.id, on: desk.app.db)), on: desk.app.db, today: Days.day(of: desk.app.clock.now()))
            #expect((dto.minutes, dto.topics, dto.notes) == (45, ["tone"], "Edited"))
            #expect(dto.actions.map(\.description) == ["Read the refund policy"])

            // Clearing an existing action's row removes it.
            let removed = try await lead.post("/desk/people/coaching/\(created.id)", [
                "on": PeopleFixture.today, "minutes": "45", "topics": "tone", "notes": "Edited",
                "action_id_1": dto.actions[0].id.uuidString, "action_1": "", "due_1": "",
            ])
            #expect(removed.status == .seeOther)
            dto = try await CoachingPresenter.dto(try #require(try await CoachingSession.find(created.id, on: desk.app.db)), on: desk.app.db, today: Days.day(of: desk.app.clock.now()))
            #expect(dto.actions.isEmpty)

            let bad = try await lead.post("/desk/people/coaching/\(created.id)", ["on": PeopleFixture.today, "minutes": "900", "notes": "Kept \(Hostile.text)"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("minutes must be a whole number of minutes from 1 to 480"))
            #expect(bad.body.string.contains(">Kept \(Hostile.escaped)</textarea>"))
            let badTicket = try await lead.post("/desk/people/coaching/\(created.id)", ["on": PeopleFixture.today, "minutes": "30", "tickets": "abc"])
            #expect(badTicket.status == .unprocessableEntity)
            #expect(badTicket.body.string.contains("Ticket numbers are whole numbers"))
            #expect(try await CoachingSession.find(created.id, on: desk.app.db)?.minutes == 45)
        }
    }

    @Test func theLeadSeesTheQueueWhoWasNotCoachedAndOverdueActions() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let ticket = try await desk.createTicket(token: f.ada.token)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: f.ada.token, json: ["owner_id": ada.uuidString]).status == .ok)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/coaching-queue", token: f.ben.token, json: ["reason": "Hold without a time \(Hostile.text)"]).status == .created)
            #expect(try await desk.send(.POST, "/api/v1/coaching-sessions", token: f.lea.token, json: [
                "agent_id": .string(ada.uuidString), "on": .string(PeopleFixture.today), "minutes": .number(30),
                "actions": .array([.object(["description": .string("Practise the hold script"), "due_on": .string(Days.adding(-2, to: PeopleFixture.today))])]),
            ] as [String: JSON]).status == .created)

            let page = try await f.browser(f.lea).get("/desk/people/coaching")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Hold without a time \(Hostile.escaped)"))
            #expect(html.contains("/desk/people/coaching?agent_id=\(ada)&amp;tickets=\(ticket.number)#new"))
            #expect(html.contains("<a href=\"/desk/people/\(try f.ben.user.requireID())\">Ben Agent</a> <span class=\"muted\">(never coached)</span>"))
            #expect(!html.contains("Ada Agent</a> <span class=\"muted\">(never coached)"))
            #expect(html.contains("Practise the hold script"))
            #expect(html.contains("Coaching I gave"))
            #expect(html.contains("<td>Lea Lead</td><td class=\"num\">1</td>"))

            let agentPage = try await f.browser(f.ben).get("/desk/people/coaching").body.string
            #expect(!agentPage.contains("Coaching queue"))
            #expect(!agentPage.contains("Log a coaching session"))
            #expect(!agentPage.contains("Hold without a time"))
            #expect(try await f.browser(f.lea).get("/desk/people/coaching?weeks=0").status == .unprocessableEntity)
        }
    }

    @Test func aTicketIsSentToTheCoachingQueueFromItsPage() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let ticket = try await desk.createTicket(token: f.ada.token)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: f.ada.token, json: ["owner_id": ada.uuidString]).status == .ok)
            let web = try await f.browser(f.ben)
            let page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("action=\"/desk/tickets/\(ticket.number)/coaching-queue\""))
            let sent = try await web.post("/desk/tickets/\(ticket.number)/coaching-queue", ["reason": "A hold with no time given"])
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/desk/tickets/\(ticket.number)?done=coaching#after-ticket")
            let item = try #require(try await CoachingQueueItem.query(on: desk.app.db).first())
            #expect((item.ticketId, item.agentId, item.raisedBy, item.reason) == (ticket.id, ada, try f.ben.user.requireID(), "A hold with no time given"))
            #expect(try await web.post("/desk/tickets/\(ticket.number)/coaching-queue", ["reason": " "]).status == .unprocessableEntity)
            #expect(try await web.post("/desk/tickets/99999/coaching-queue", ["reason": "x"]).status == .notFound)
            #expect(try await f.browser(f.lea).get("/desk/people/coaching").body.string.contains("A hold with no time given"))
        }
    }
}
