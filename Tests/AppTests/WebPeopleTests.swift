@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The people pages' hub and everyday forms: the profile (public and private parts), kudos and
/// the duty log, with role rules, escaping, 303 on success and 422 with the reason on bad input.
@Suite("Web people: profile, kudos, duties")
struct WebPeopleTests {
    @Test func theProfileShowsPrivatePartsOnlyToThoseWhoMaySeeThem() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            #expect(try await desk.send(.POST, "/api/v1/kudos", token: f.lea.token, json: [
                "to_user_id": .string(ada.uuidString), "value": .string("empathy"), "message": .string("Calm with a furious caller \(Hostile.text)"),
            ] as [String: JSON]).status == .created)
            #expect(try await desk.send(.POST, "/api/v1/learning-entries", token: f.ada.token, json: ["about": "product", "text": "The E3 error means a paper jam."]).status == .created)
            #expect(try await desk.send(.POST, "/api/v1/users/\(ada)/skills", token: f.ada.token, json: ["name": .string("De-escalation"), "kind": .string("emotional"), "level": .number(3)] as [String: JSON]).status == .created)
            let session = try await f.coach(f.lea, f.ada.user, on: PeopleFixture.today, minutes: 30, notes: "Private: work on hold times.")
            #expect(try await desk.send(.POST, "/api/v1/career-moves", token: f.manager.token, json: [
                "user_id": ada.uuidString, "on": PeopleFixture.today, "kind": "promotion", "to_title": "Senior agent",
            ]).status == .created)

            let own = try await f.browser(f.ada)
            let me = try await own.get("/desk/people/me")
            #expect(me.status == .seeOther)
            #expect(me.location == "/desk/people/\(ada)")
            let mine = try await own.get("/desk/people/\(ada)")
            #expect(mine.status == .ok)
            let html = mine.body.string
            #expect(html.contains("Calm with a furious caller \(Hostile.escaped)"))
            #expect(!html.contains(Hostile.text))
            #expect(html.contains("The E3 error means a paper jam."))
            #expect(html.contains("<td>De-escalation</td><td>Emotional</td><td class=\"num\">3</td><td class=\"num\">–</td>"))
            #expect(html.contains("/desk/people/coaching/\(session.id)"))
            #expect(html.contains("Promoted to Senior agent"))
            #expect(html.contains("Not answered yet."))
            #expect(html.contains("<a href=\"/desk/people/me\" aria-current=\"page\">My profile</a>"))
            #expect(!html.contains("/desk/people/health"), "agents have no department-health link")

            // A teammate sees the public parts only.
            let teammate = try await f.browser(f.ben).get("/desk/people/\(ada)")
            #expect(teammate.status == .ok)
            let public_ = teammate.body.string
            #expect(public_.contains("Calm with a furious caller \(Hostile.escaped)"))
            #expect(public_.contains("Promoted to Senior agent"))
            #expect(!public_.contains("The E3 error"))
            #expect(!public_.contains("Skills matrix"))
            #expect(!public_.contains("Coaching received"))
            #expect(!public_.contains("Team-role profile</h2>"))
            #expect(public_.contains("/desk/people/kudos?to=\(ada)#give"))

            // The lead sees coaching and learning but not the role profile; a manager sees everything.
            let lead = try await f.browser(f.lea).get("/desk/people/\(ada)").body.string
            #expect(lead.contains("Coaching received"))
            #expect(lead.contains("The E3 error"))
            #expect(!lead.contains("Team-role profile</h2>"))
            #expect(lead.contains("/desk/people/health"))
            let manager = try await f.browser(f.manager).get("/desk/people/\(ada)").body.string
            #expect(manager.contains("Coaching received") && manager.contains("Team-role profile</h2>"))
            let otherLead = try await f.browser(f.otherLead).get("/desk/people/\(ada)").body.string
            #expect(!otherLead.contains("Coaching received"))

            #expect(try await own.get("/desk/people/\(UUID())").status == .notFound)
            #expect(try await own.get("/desk/people/not-a-person").status == .notFound)
        }
    }

    @Test func givingKudosLandsOnTheFeedAndTheWall() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let ticket = try await desk.createTicket(token: f.ada.token)
            let web = try await f.browser(f.ben)
            #expect(try await web.get("/desk/people/kudos").status == .ok)
            let given = try await web.post("/desk/people/kudos", [
                "to_user_id": ada.uuidString, "value": "teamwork", "message": "Covered my queue \(Hostile.text)", "ticket": "#\(ticket.number)",
            ])
            #expect(given.status == .seeOther)
            #expect(given.location == "/desk/people/kudos")
            let stored = try #require(try await Kudos.query(on: desk.app.db).first())
            #expect((stored.toUserId, stored.fromUserId, stored.value, stored.ticketId, stored.source) == (ada, f.ben.user.id, .teamwork, ticket.id, .peer))
            #expect(stored.message == "Covered my queue \(Hostile.text)")

            let feed = try await web.get("/desk/people/kudos").body.string
            #expect(feed.contains("Covered my queue \(Hostile.escaped)"))
            #expect(feed.contains("<a href=\"/desk/tickets/\(ticket.number)\">#\(ticket.number)</a>"))
            #expect(feed.contains("1 kudos, 0 from customers."))
            #expect(feed.contains("<li><a href=\"/desk/people/\(ada)\">Ada Agent</a></li>"), "first time recognised")
            #expect(!feed.lowercased().contains("leaderboard"))
            let wall = try await web.get("/desk/people/\(ada)").body.string
            #expect(wall.contains("Kudos wall <span class=\"count\">1</span>"))

            let toSelf = try await web.post("/desk/people/kudos", ["to_user_id": try f.ben.user.requireID().uuidString, "value": "ownership", "message": "Me"])
            #expect(toSelf.status == .unprocessableEntity)
            #expect(toSelf.body.string.contains("<p class=\"form-error\" role=\"alert\">kudos are for someone else: you cannot give kudos to yourself</p>"))
            let badTicket = try await web.post("/desk/people/kudos", ["to_user_id": ada.uuidString, "value": "ownership", "message": "Kept \(Hostile.text)", "ticket": "99999"])
            #expect(badTicket.status == .unprocessableEntity)
            #expect(badTicket.body.string.contains("There is no ticket #99999."))
            #expect(badTicket.body.string.contains(">Kept \(Hostile.escaped)</textarea>"), "what was typed stays")
            let noValue = try await web.post("/desk/people/kudos", ["to_user_id": ada.uuidString, "value": "bribery", "message": "x"])
            #expect(noValue.status == .unprocessableEntity)
            #expect(try await Kudos.query(on: desk.app.db).count() == 1)
            #expect(try await web.post("/desk/people/kudos", ["to_user_id": ada.uuidString, "value": "teamwork", "message": "x"], csrf: "").status == .forbidden)
        }
    }

    @Test func theDutyLogAddsEditsAndRemovesWithTheAPIsRoleRules() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let web = try await f.browser(f.ada)
            let added = try await web.post("/desk/people/duties", [
                "user_id": ada.uuidString, "name": "Sales report \(Hostile.text)", "cadence": "daily", "minutes": "30", "category": "office",
                "requested_by": "Sales", "started_on": PeopleFixture.periodStart,
            ])
            #expect(added.status == .seeOther)
            #expect(added.location == "/desk/people/duties?user_id=\(ada)")
            let duty = try #require(try await LoggedDuty.query(on: desk.app.db).first())
            #expect((duty.userId, duty.cadence, duty.minutes, duty.category, duty.requestedBy) == (ada, .daily, 30, .office, "Sales"))
            let id = try duty.requireID()
            let page = try await web.get("/desk/people/duties").body.string
            #expect(page.contains("Sales report \(Hostile.escaped)"))
            #expect(page.contains("About 2 h 30 min a week"))

            let notNumber = try await web.post("/desk/people/duties", ["name": "Filing", "cadence": "weekly", "minutes": "lots", "category": "office"])
            #expect(notNumber.status == .unprocessableEntity)
            #expect(notNumber.body.string.contains("minutes must be a whole number"))
            #expect(notNumber.body.string.contains("value=\"Filing\""))
            let zero = try await web.post("/desk/people/duties", ["name": "Filing", "cadence": "weekly", "minutes": "0", "category": "office"])
            #expect(zero.status == .unprocessableEntity)
            #expect(zero.body.string.contains("minutes must be a whole number of minutes from 1 to 2400"))

            let edited = try await web.post("/desk/people/duties/\(id)", [
                "name": "Sales report", "cadence": "weekly", "minutes": "45", "category": "office", "requested_by": "", "started_on": PeopleFixture.periodStart, "ended_on": "",
            ])
            #expect(edited.status == .seeOther)
            let changed = try #require(try await LoggedDuty.find(id, on: desk.app.db))
            #expect((changed.cadence, changed.minutes, changed.requestedBy, changed.endedOn) == (.weekly, 45, nil, nil))
            let badEnd = try await web.post("/desk/people/duties/\(id)", [
                "name": "Sales report", "cadence": "weekly", "minutes": "45", "category": "office", "ended_on": Days.adding(-400, to: PeopleFixture.today),
            ])
            #expect(badEnd.status == .unprocessableEntity)
            #expect(badEnd.body.string.contains("ended_on must be on or after started_on"))

            // Ad-hoc duties take occurrences; others do not.
            #expect(try await web.post("/desk/people/duties", ["name": "Uniforms", "cadence": "ad_hoc", "minutes": "40", "category": "office", "requested_by": "Operations"]).status == .seeOther)
            let uniforms = try #require(try await LoggedDuty.query(on: desk.app.db).filter(\.$name == "Uniforms").first()).requireID()
            #expect(try await web.post("/desk/people/duties/\(uniforms)/occurrences", ["on": PeopleFixture.today, "minutes": "55"]).status == .seeOther)
            #expect(try await DutyOccurrence.query(on: desk.app.db).all().map(\.minutes) == [55])
            let notAdHoc = try await web.post("/desk/people/duties/\(id)/occurrences", ["on": PeopleFixture.today])
            #expect(notAdHoc.status == .unprocessableEntity)
            #expect(notAdHoc.body.string.contains("only ad-hoc duties have occurrences"))

            // A teammate and another team's lead may not see or change it; the lead may.
            let ben = try await f.browser(f.ben)
            #expect(try await ben.get("/desk/people/duties?user_id=\(ada)").status == .forbidden)
            #expect(try await ben.post("/desk/people/duties/\(id)", ["name": "Hacked", "cadence": "daily", "minutes": "1", "category": "customer"]).status == .forbidden)
            #expect(try await ben.post("/desk/people/duties/\(id)/delete").status == .forbidden)
            #expect(try await f.browser(f.otherLead).get("/desk/people/duties?user_id=\(ada)").status == .forbidden)
            let lead = try await f.browser(f.lea)
            let leadView = try await lead.get("/desk/people/duties?user_id=\(ada)")
            #expect(leadView.status == .ok)
            #expect(leadView.body.string.contains("Duty log of Ada Agent"))
            #expect(leadView.body.string.contains("/desk/people/duties/\(id)/delete"))
            #expect(try await lead.post("/desk/people/duties/\(UUID())/delete").status == .notFound)

            #expect(try await web.post("/desk/people/duties/\(id)/delete").status == .seeOther)
            #expect(try await LoggedDuty.find(id, on: desk.app.db) == nil)
        }
    }
}
