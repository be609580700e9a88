@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The Runaround view for leads and up, the promise lists, the "after this ticket" forms, and the
/// rule that customers never reach any of it.
@Suite("Web journey: views, after-ticket forms and who may see them")
struct WebJourneyViewsTests {
    /// A ticket passed between `times` fresh agents: the first takes it (an assignment), each
    /// next one is a hand-off, so `times` 4 makes 3 hand-offs, enough to flag it.
    func handedOff(_ desk: TestDesk, token: String, subject: String, times: Int) async throws -> TicketDTO {
        let ticket = try await desk.createTicket(token: token, subject: subject)
        for turn in 0..<times {
            let next = try await desk.staff(.agent, name: "Hop \(turn)")
            let moved = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: token, json: [
                "to_user_id": .string(try next.user.requireID().uuidString), "note": .string("Over to you, step \(turn)"),
            ] as [String: JSON])
            #expect(moved.status == .ok, "\(moved.body.string)")
        }
        return ticket
    }

    @Test func leadsSeeFlaggedTicketsWorstFirstAgentsDoNot() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.manager)
            let worse = try await handedOff(desk, token: token, subject: "Bounced five times", times: 6)
            let bad = try await handedOff(desk, token: token, subject: "Bounced three times", times: 4)
            let fine = try await handedOff(desk, token: token, subject: "Handed off once", times: 1)

            let lead = WebClient(desk)
            try await lead.signInStaff(.lead)
            let response = try await lead.get("/desk/views/runaround")
            #expect(response.status == .ok)
            let html = response.body.string
            #expect(html.contains("<a href=\"/desk/views/runaround\" aria-current=\"page\"><span>Runaround</span> <span class=\"count\" data-count=\"runaround\">2</span></a>"))
            let worseAt = try #require(html.range(of: "Bounced five times"))
            let badAt = try #require(html.range(of: "Bounced three times"))
            #expect(worseAt.lowerBound < badAt.lowerBound, "the worst runaround comes first")
            #expect(!html.contains("Handed off once"))
            let api = try await desk.ticket(worse.id, token: token).runaround
            #expect(html.contains("<td class=\"index-cell\"><strong>\(String(format: "%.1f", api.index))</strong></td>"))
            #expect(html.contains("<li>5 hand-offs (alert at 3)</li>"))
            _ = fine

            // Solved, it leaves the default list ("still waiting") but stays under "All flagged".
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(bad.id)", token: token, json: ["status": "solved"]).status == .ok)
            let waiting = try await lead.get("/desk/views/runaround").body.string
            #expect(!waiting.contains("Bounced three times") && waiting.contains("data-count=\"runaround\">1<"))
            #expect(try await lead.get("/desk/views/runaround?show=all").body.string.contains("Bounced three times"))

            // The flag stays in the ticket's history.
            let page = try await lead.get("/desk/tickets/\(bad.number)").body.string
            #expect(page.contains("Flagged: this customer is getting the runaround (index 4.5): 3 hand-offs (alert at 3)"))

            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            let refused = try await agent.get("/desk/views/runaround")
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("The Runaround list is for team leads, managers and admins."))
            let agentsDesk = try await agent.get("/desk/views/mine").body.string
            #expect(!agentsDesk.contains("/desk/views/runaround"))
            #expect(agentsDesk.contains("<a href=\"/desk/views/promises\"><span>Promises</span> <span class=\"count\" data-count=\"promises\">0</span></a>"))
            #expect(try await lead.get("/desk/views/mine").body.string.contains("<a href=\"/desk/views/runaround\"><span>Runaround</span> <span class=\"count\" data-count=\"runaround\">1</span></a>"))
        }
    }

    @Test func promiseListsShowWhatIsDueAndWhatWasBroken() async throws {
        try await TestDesk.run { desk in
            let fixture = try await JourneyFixture.make(desk)
            let web = WebClient(desk)
            let me = try await web.signInStaff(.lead, name: "Lena Lead")
            let due = try await web.get("/desk/views/promises").body.string
            #expect(due.contains("<h1>Due promises</h1>"))
            #expect(due.contains("Send the repair status by Friday"))
            #expect(due.contains("Call the customer back: the call dropped"))
            #expect(!due.contains("Ship a replacement unit"))
            let callbackAt = try #require(due.range(of: "Call the customer back"))
            let updateAt = try #require(due.range(of: "Send the repair status"))
            #expect(callbackAt.lowerBound < updateAt.lowerBound, "soonest due first")

            let broken = try await web.get("/desk/views/promises?show=broken").body.string
            #expect(broken.contains("<h1>Broken promises</h1>"))
            #expect(broken.contains("<tr class=\"promise-broken\">"))
            #expect(broken.contains("<a href=\"/desk/tickets/\(fixture.ticket.number)#promises\">#\(fixture.ticket.number) Second printer died under warranty</a>"))
            #expect(broken.contains("<td>Ship a replacement unit</td>"))
            #expect(broken.contains("<td>Fay First</td>"))
            #expect(!broken.contains("Send the repair status"))

            // Only mine: the lead owns none of these.
            #expect(me.id != fixture.agent.user.id)
            let mine = try await web.get("/desk/views/promises?show=broken&mine=1").body.string
            #expect(mine.contains("No broken promises."))
        }
    }

    @Test func afterThisTicketRaisesCoachingLearningInsightAndFriction() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let agent = try await web.signInStaff(.agent, name: "Ana Costa")
            let (owner, token) = try await desk.staff(.agent, name: "Owen Owner")
            let ticket = try await desk.createTicket(token: token)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: token, json: ["owner_id": try owner.requireID()])
            let base = "/desk/tickets/\(ticket.number)"
            let page = try await web.get(base).body.string
            #expect(page.contains("<details class=\"panel after-ticket\" id=\"after-ticket\">"))

            // Bad input: 422, the form open, its message and what was typed.
            let noReason = try await web.post("\(base)/coaching-queue", ["reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("<details class=\"panel after-ticket\" id=\"after-ticket\" open>"))
            #expect(noReason.body.string.contains("<p class=\"form-error\" role=\"alert\" id=\"coaching-error\">reason must be 1 to 1000 characters</p>"))
            let badTopic = try await web.post("\(base)/learning", ["about": "gossip", "text": "E3 means fuser"])
            #expect(badTopic.status == .unprocessableEntity)
            #expect(badTopic.body.string.contains("about must be one of product, customer, technique, other"))
            #expect(badTopic.body.string.contains(">E3 means fuser</textarea>"))
            let noTitle = try await web.post("\(base)/insights", ["title": "", "description": "Returns are high"])
            #expect(noTitle.status == .unprocessableEntity)
            #expect(noTitle.body.string.contains("title must be 1 to 200 characters"))
            let badMoney = try await web.post("\(base)/policy-frictions", ["policy": "Receipt required", "description": "x", "revenue_at_risk": "lots"])
            #expect(badMoney.status == .unprocessableEntity)
            #expect(badMoney.body.string.contains("revenue_at_risk must be an amount like 1200.50"))
            #expect(badMoney.body.string.contains("value=\"Receipt required\""))

            // Each works and is linked to this ticket.
            let coaching = try await web.post("\(base)/coaching-queue", ["reason": "Good de-escalation on a hard call"])
            #expect(coaching.status == .seeOther)
            #expect(coaching.headers.first(name: .location) == "\(base)?done=coaching#after-ticket")
            let item = try #require(try await CoachingQueueItem.query(on: desk.app.db).first())
            #expect(item.ticketId == ticket.id && item.agentId == owner.id && item.raisedBy == agent.id)
            #expect(item.reason == "Good de-escalation on a hard call")

            #expect(try await web.post("\(base)/learning", ["about": "product", "text": "E3 after firmware 4.2 is the fuser sensor"]).status == .seeOther)
            let entry = try #require(try await LearningEntry.query(on: desk.app.db).first())
            #expect(entry.ticketId == ticket.id && entry.authorId == agent.id && entry.about == .product)

            #expect(try await web.post("\(base)/insights", ["title": "LX-400 returns after 4.2", "description": "Firmware bricks the sensor", "product": "LX-400"]).status == .seeOther)
            let insight = try #require(try await Insight.query(on: desk.app.db).first())
            #expect(insight.title == "LX-400 returns after 4.2" && insight.product == "LX-400" && insight.raisedBy == agent.id)
            #expect(try await InsightTicket.query(on: desk.app.db).all().map(\.ticketId) == [ticket.id])

            #expect(try await web.post("\(base)/policy-frictions", ["policy": "Original receipt required", "description": "Customers with a warranty card are turned away", "revenue_at_risk": "1200.50"]).status == .seeOther)
            let friction = try #require(try await PolicyFriction.query(on: desk.app.db).first())
            #expect(friction.policy == "Original receipt required")
            let link = try #require(try await PolicyFrictionTicket.query(on: desk.app.db).first())
            #expect(link.ticketId == ticket.id && link.revenueAtRiskCents == 120_050)

            let after = try await web.get("\(base)?done=friction").body.string
            #expect(after.contains("<p class=\"notice\" role=\"status\">Policy friction flagged.</p>"))
            #expect(!(try await web.get("\(base)?done=%3Cscript%3E").body.string.contains("class=\"notice\"")), "only known notices are shown")
        }
    }

    @Test func aLeadTurnsTheCustomersThanksIntoKudosAgentsCannot() async throws {
        try await TestDesk.run { desk in
            let (owner, token) = try await desk.staff(.agent, name: "Owen Owner")
            let pat = try await desk.customer(email: "pat@example.test")
            let ticket = try await desk.createTicket(token: token, email: "pat@example.test")
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: token, json: ["owner_id": try owner.requireID()])
            let thanks = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: ["body": "Owen fixed it <in minutes>, thank you!"])
            #expect(thanks.status == .created)
            let messageId = try #require(try await Message.query(on: desk.app.db).filter(\.$body == "Owen fixed it <in minutes>, thank you!").first()?.id)
            let base = "/desk/tickets/\(ticket.number)"

            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            #expect(!(try await agent.get(base).body.string.contains("/customer-kudos")))
            #expect(try await agent.post("\(base)/customer-kudos", ["to_user_id": owner.id!.uuidString, "quote": "x"]).status == .forbidden)

            let lead = WebClient(desk)
            try await lead.signInStaff(.lead, name: "Lee Lead")
            let page = try await lead.get(base).body.string
            #expect(page.contains("action=\"\(base)/customer-kudos\""))
            #expect(page.contains("<option value=\"\(owner.id!.uuidString)\" selected>Owen Owner</option>"))
            #expect(page.contains("Owen fixed it &lt;in minutes&gt;, thank you!"))
            let empty = try await lead.post("\(base)/customer-kudos", ["to_user_id": owner.id!.uuidString, "value": "empathy", "quote": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("quote must be 1 to 2000 characters"))
            #expect(empty.body.string.contains("<option value=\"empathy\" selected>"))
            let sent = try await lead.post("\(base)/customer-kudos", [
                "message_id": String(messageId), "to_user_id": owner.id!.uuidString, "value": "empathy", "quote": "Owen fixed it in minutes",
            ])
            #expect(sent.status == .seeOther)
            #expect(sent.headers.first(name: .location) == "\(base)?done=kudos#after-ticket")
            let kudos = try #require(try await Kudos.query(on: desk.app.db).first())
            #expect(kudos.toUserId == owner.id && kudos.source == .customer && kudos.value == .empathy && kudos.messageId == messageId)
            #expect(kudos.quote == "Owen fixed it in minutes" && kudos.ticketId == ticket.id)
            #expect(try await lead.get("/desk/people/\(owner.id!.uuidString)").body.string.contains("Owen fixed it in minutes"))
        }
    }

    @Test func customersNeverReachTheJourneyPages() async throws {
        try await TestDesk.run { desk in
            let fixture = try await JourneyFixture.make(desk)
            let web = WebClient(desk)
            try await WebPortalTests.signInCustomer(web, email: "reader@example.test")
            for path in [fixture.page, "/desk/views/runaround", "/desk/views/promises", "/desk/documents/\(fixture.document.id)"] {
                let response = try await web.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers.first(name: .location)?.hasPrefix("/login") == true, "\(path)")
            }
            let due = JourneyFormat.formValue(Date().addingTimeInterval(3600), zone: .gmt)
            let posts: [(String, [String: String])] = [
                ("\(fixture.page)/promises", ["kind": "update", "description": "x", "due_at": due]),
                ("\(fixture.page)/promises/\(fixture.pending.id)/cancel", ["reason": "x"]),
                ("\(fixture.page)/escalations", ["reason": "x"]),
                ("\(fixture.page)/coaching-queue", ["reason": "x"]),
            ]
            for (path, form) in posts {
                #expect(try await web.post(path, form).status == .forbidden, "\(path)")
            }
            #expect(try await CustomerPromise.query(on: desk.app.db).count() == 3)
            #expect(try await CustomerPromise.find(fixture.pending.id, on: desk.app.db)?.state == .pending)
            #expect(try await Escalation.query(on: desk.app.db).count() == 1)
        }
    }
}
