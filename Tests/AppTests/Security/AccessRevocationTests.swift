@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Deactivating a person or changing a password ends the ways in the old state opened.
@Suite("Revoking access")
struct AccessRevocationTests {
    /// A staff member signed in on the web and holding an API token.
    static func signedInAgent(_ desk: TestDesk) async throws -> (web: WebClient, user: User, token: String) {
        let web = WebClient(desk)
        let user = try await web.signInStaff(.agent, name: "Dee Parted")
        let response = try await desk.tokenRequest(email: user.email, password: TestDesk.webPassword)
        #expect(response.status == .created)
        return (web, user, try response.decoded(TokensController.TokenResponse.self).token)
    }

    @Test func deactivatingOnTheWebEndsTokensAndSessionsAndReactivatingRevivesNone() async throws {
        try await TestDesk.run { desk in
            let (agentWeb, agent, token) = try await Self.signedInAgent(desk)
            let adminWeb = WebClient(desk)
            try await adminWeb.signInStaff(.admin, name: "Ada Admin")
            try await adminWeb.get("/admin/users")
            let id = try agent.requireID()

            #expect(try await adminWeb.post("/admin/users/\(id)/active").status == .seeOther)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .unauthorized)
            #expect(try await agentWeb.get("/desk/views/mine").status == .seeOther)

            #expect(try await adminWeb.post("/admin/users/\(id)/active").status == .seeOther)
            #expect(try await User.find(id, on: desk.app.db)?.active == true)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .unauthorized, "the old token stays dead")
            #expect(try await agentWeb.get("/desk/views/mine").status == .seeOther, "the old session stays dead")
            #expect(try await APIToken.query(on: desk.app.db).filter(\.$userId == id).count() == 0)
            #expect(try await WebSession.query(on: desk.app.db).filter(\.$userId == id).count() == 0)
        }
    }

    @Test func deactivatingThroughTheAPIEndsSessionsToo() async throws {
        try await TestDesk.run { desk in
            let (agentWeb, agent, _) = try await Self.signedInAgent(desk)
            let (_, manager) = try await desk.staff(.manager)
            let id = try agent.requireID()
            #expect(try await desk.send(.PATCH, "/api/v1/users/\(id)", token: manager, json: ["active": false]).status == .ok)
            #expect(try await desk.send(.PATCH, "/api/v1/users/\(id)", token: manager, json: ["active": true]).status == .ok)
            #expect(try await agentWeb.get("/desk/views/mine").status == .seeOther)
        }
    }

    @Test func aNewPasswordThroughTheAPIEndsTheOldSessionsAndTokens() async throws {
        try await TestDesk.run { desk in
            let (agentWeb, agent, token) = try await Self.signedInAgent(desk)
            let (_, manager) = try await desk.staff(.manager)
            let changed = try await desk.send(.PATCH, "/api/v1/users/\(try agent.requireID())", token: manager, json: ["password": "a brand new secret"])
            #expect(changed.status == .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .unauthorized)
            #expect(try await agentWeb.get("/desk/views/mine").status == .seeOther)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: manager).status == .ok, "the manager's own token is untouched")
        }
    }

    @Test func changingYourOwnPasswordKeepsTheTokenYouChangedItWith() async throws {
        try await TestDesk.run { desk in
            let email = "mia@example.test"
            let manager = try await desk.staffWithPassword(.manager, email: email, name: "Mia Manager")
            let first = try await desk.tokenRequest(email: email, password: TestDesk.webPassword).decoded(TokensController.TokenResponse.self).token
            let second = try await desk.tokenRequest(email: email, password: TestDesk.webPassword).decoded(TokensController.TokenResponse.self).token
            let changed = try await desk.send(.PATCH, "/api/v1/users/\(try manager.requireID())", token: first, json: ["password": "a brand new secret"])
            #expect(changed.status == .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: first).status == .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: second).status == .unauthorized)
        }
    }

    @Test func aNewPortalPasswordEndsTheCustomersOtherSessionsAndTokens() async throws {
        try await TestDesk.run { desk in
            let (customer, token) = try await desk.customer(email: "pat@example.test")
            _ = customer
            let here = WebClient(desk)
            try await WebPortalTests.signInCustomer(here, email: "pat@example.test")
            let elsewhere = WebClient(desk)
            try await WebPortalTests.signInCustomer(elsewhere, email: "pat@example.test")
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .ok)

            try await here.get("/portal/password")
            let saved = try await here.post("/portal/password", ["password": "my new secret", "confirm": "my new secret"])
            #expect(saved.status == .ok)
            #expect(try await here.get("/portal").status == .ok, "the session the change was made in stays")
            #expect(try await elsewhere.get("/portal").status != .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token).status == .unauthorized)
        }
    }
}
