@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The first minutes with the desk: people land where their work is, and a mistyped address gets
/// a page in the desk's look, not raw JSON.
@Suite("Landing and missing pages")
struct WebLandingTests {
    @Test func agentsLandOnTheirTicketsLeadsOnTheirTeamAdminsOnEverythingOpen() async throws {
        try await TestDesk.run { desk in
            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            #expect(try await agent.get("/desk").headers.first(name: .location) == "/desk/views/mine")

            let lead = WebClient(desk)
            let leadUser = try await lead.signInStaff(.lead)
            try await desk.app.write { db in
                let team = Team(name: "Printers", at: Date())
                try await team.create(on: db)
                try await TeamMembership(teamId: try team.requireID(), userId: try leadUser.requireID(), at: Date()).create(on: db)
            }
            #expect(try await lead.get("/desk").headers.first(name: .location) == "/desk/views/team")

            let admin = WebClient(desk)
            try await admin.signInStaff(.admin)
            #expect(try await admin.get("/desk").headers.first(name: .location) == "/desk/views/open")
        }
    }

    @Test(arguments: ["/desk/no-such-page", "/portal/tickets/nope/extra", "/admin/nothing-here", "/nowhere"])
    func aMistypedAddressIsAnHTMLPage(path: String) async throws {
        try await TestDesk.run { desk in
            let response = try await desk.app.testing().sendRequest(.GET, path)
            #expect(response.status == .notFound)
            #expect(response.headers.contentType?.subType == "html")
            #expect(response.body.string.contains("<h1>Not found</h1>"))
            #expect(response.body.string.contains(path.hasPrefix("/portal") ? "href=\"/portal\"" : "href=\"/desk\""))
        }
    }

    @Test func theAPIStillAnswersJSON() async throws {
        try await TestDesk.run { desk in
            let response = try await desk.app.testing().sendRequest(.GET, "/api/v1/no-such-thing")
            #expect(response.status == .notFound)
            #expect(response.headers.contentType == .json)
            #expect(response.body.string.contains("\"code\":\"not_found\""))
        }
    }
}
