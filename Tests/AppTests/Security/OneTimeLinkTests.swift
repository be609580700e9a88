@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A one-time link is marked used by one conditional update and acted on only if that changed a
/// row: however many requests carry it at once, exactly one gets in.
@Suite("One-time links under concurrency")
struct OneTimeLinkTests {
    @Test func aPortalLinkSentTwentyTimesAtOnceSignsInOnce() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "pat@example.test")
            let asker = WebClient(desk)
            try await asker.get("/portal/login")
            try await asker.post("/portal/login", ["email": "pat@example.test"])
            let link = try #require(desk.app.portalLinkCapture.latest(for: "pat@example.test"))
            let path = try #require(URL(string: link)?.path)
            let statuses = try await concurrently(20) { _ in
                let web = WebClient(desk)
                try await web.get(path)
                return try await web.post(path).status
            }
            #expect(statuses.count(of: .seeOther) == 1)
            #expect(statuses.count(of: .gone) == 19)
            #expect(try await WebSession.query(on: desk.app.db).filter(\.$customerId != nil).count() == 1)
        }
    }

    @Test func theSetupTokenSentTenTimesAtOnceCreatesOneAdmin() async throws {
        try await TestDesk.run { desk in
            let (token, hash) = APIToken.generate()
            try await desk.app.write { db in try await SetupToken(tokenHash: hash, at: Date()).create(on: db) }
            let statuses = try await concurrently(10) { index in
                try await desk.send(.POST, "/api/v1/setup", json: [
                    "token": token, "email": "admin\(index)@example.test", "name": "Admin \(index)", "password": "long enough",
                ]).status
            }
            #expect(statuses.count(of: .created) == 1)
            #expect(statuses.count(of: .forbidden) == 9)
            #expect(try await User.query(on: desk.app.db).count() == 1)
        }
    }
}
