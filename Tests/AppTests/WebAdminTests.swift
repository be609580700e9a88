@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The admin pages: who may open them, and what they change.
@Suite("Web admin")
struct WebAdminTests {
    @Test func agentsCannotOpenAdminPagesAndManagersCannotMakeAdmins() async throws {
        try await TestDesk.run { desk in
            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            #expect(try await agent.get("/admin/users").status == .forbidden)
            #expect(try await agent.post("/admin/users", ["name": "X", "email": "x@example.test", "role": "agent"]).status == .forbidden)

            let manager = WebClient(desk)
            try await manager.signInStaff(.manager, name: "Maria")
            #expect(try await manager.get("/admin/users").status == .ok)
            #expect(try await manager.get("/admin/tokens").status == .forbidden)
            let admin = try await manager.post("/admin/users", ["name": "Eve", "email": "eve@example.test", "role": "admin"])
            #expect(admin.status == .forbidden)
            let created = try await manager.post("/admin/users", ["name": "New Agent", "email": "new@example.test", "role": "agent", "password": "long enough pw"])
            #expect(created.status == .created)
            #expect(created.body.string.contains("New Agent can now sign in as agent."))
            let user = try #require(try await User.query(on: desk.app.db).filter(\.$emailNormalized == "new@example.test").first())
            #expect(user.role == .agent && user.passwordHash != nil)
        }
    }

    @Test func anAPITokenIsShownOnceAndWorksAgainstTheAPI() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let admin = try await web.signInStaff(.admin, name: "Alex Admin")
            let page = try await web.post("/admin/tokens", ["user_id": admin.id!.uuidString, "label": "CRM sync"])
            #expect(page.status == .created)
            let html = page.body.string
            let start = try #require(html.range(of: "data-token>"))
            let token = String(html[start.upperBound...].prefix { $0 != "<" })
            #expect(token.hasPrefix("fl_"))
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .ok)
            let list = try await web.get("/admin/tokens").body.string
            #expect(list.contains("CRM sync"))
            #expect(!list.contains(token), "the token is shown once only")
        }
    }

    @Test func settingsAreValidatedAndNameTheDesk() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.admin)
            let bad = try await web.post("/admin/settings", ["desk_name": "Acme Care", "support_address": "help@acme.example", "time_zone": "Mars/Olympus"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("is not a time zone"))
            let good = try await web.post("/admin/settings", ["desk_name": "Acme Care", "support_address": "help@acme.example", "time_zone": "Europe/Berlin"])
            #expect(good.status == .ok)
            #expect(try await DeskSettings.load(on: desk.app.db) == DeskSettings(deskName: "Acme Care", supportAddress: "help@acme.example", timeZone: "Europe/Berlin"))
            #expect(try await web.get("/desk/views/open").body.string.contains(">Acme Care</a>"))
        }
    }
}
