@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// `frontline demo` data shows on every people page: the drift of seed 002 on the health page,
/// coaching with agreed actions (done and overdue), kudos, skills and alumni.
@Suite("Demo people pages")
struct DemoPeoplePagesTests {
    @Test func everyPeoplePageShowsTheDemoDepartment() async throws {
        try await TestDesk.run { desk in
            desk.app.clock = .starting(at: DemoClock.midMonth)
            _ = try await DemoDesk(app: desk.app, now: desk.app.clock.now(), ticketCount: 200).load()
            let manager = try #require(try await User.query(on: desk.app.db).filter(\.$role == .manager).first())
            let web = try await WebClient.signedIn(as: manager, desk: desk)
            let pages = [
                "/desk/people/me", "/desk/people/kudos", "/desk/people/coaching", "/desk/people/duties", "/desk/people/health",
                "/desk/people/learning", "/desk/people/insights", "/desk/people/frictions", "/desk/people/skills", "/desk/people/projects",
                "/desk/people/careers", "/desk/people/alumni", "/desk/people/role-profile", "/desk/people/load",
            ]
            for path in pages {
                var response = try await web.get(path)
                if response.status == .seeOther, let next = response.location { response = try await web.get(next) }
                #expect(response.status == .ok, "\(path): \(response.body.string.prefix(300))")
            }
            let health = try await web.get("/desk/people/health").body.string
            #expect(health.contains("<td>Sales</td>"))
            #expect(health.contains("Drifting into office work"))
            let coaching = try await web.get("/desk/people/coaching").body.string
            #expect(coaching.contains("Agreed actions overdue"))
            #expect(!coaching.contains("No agreed action is overdue."), "the demo leaves some agreed actions overdue")
            let done = try await CoachingAction.query(on: desk.app.db).filter(\.$doneAt != nil).count()
            #expect(done > 0, "and some done")
            #expect(try await web.get("/desk/people/alumni").body.string.contains("Product management"))
            #expect(try await web.get("/desk/people/kudos").body.string.contains("class=\"kudos\""))
            let agent = try #require(try await CoachingSession.query(on: desk.app.db).first()).agentId
            let profile = try await web.get("/desk/people/\(agent)").body.string
            #expect(profile.contains("Coaching received"))
            #expect(profile.contains("Skills matrix"))
        }
    }
}
