@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every rate limit counts an attempt before the work it guards, atomically: attempts sent all at
/// once get exactly as many tries as attempts sent one after another.
@Suite("Rate limits under concurrency")
struct RateLimitRaceTests {
    static let attempts = 25

    @Test func twentyFiveConcurrentWrongSignInsReachThePasswordCheckExactlyFiveTimes() async throws {
        try await TestDesk.run { desk in
            let email = "lee@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Lee")
            let statuses = try await concurrently(Self.attempts) { _ in
                let web = WebClient(desk)
                try await web.get("/login")
                return try await web.post("/login", ["email": email, "password": "guess-guess"]).status
            }
            // A 401 is an attempt that reached Bcrypt; a 429 was turned away before it.
            let limit = RateLimit.signInPerAccount.limit
            #expect(statuses.count(of: .unauthorized) == limit)
            #expect(statuses.count(of: .tooManyRequests) == Self.attempts - limit)
            #expect(try await RateLimit.signInPerAccount.count(for: email, on: desk.app.db, at: Date()) == limit)

            let web = WebClient(desk)
            try await web.get("/login")
            let locked = try await web.post("/login", ["email": email, "password": TestDesk.webPassword])
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test func twentyFiveConcurrentWrongPortalPasswordsReachThePasswordCheckExactlyFiveTimes() async throws {
        try await TestDesk.run { desk in
            let email = "pat@example.test"
            try await desk.customerWithPassword(email: email)
            let statuses = try await concurrently(Self.attempts) { _ in
                let web = WebClient(desk)
                try await web.get("/portal/login")
                return try await web.post("/portal/login", ["email": email, "password": "guess-guess"]).status
            }
            #expect(statuses.count(of: .unauthorized) == RateLimit.signInPerAccount.limit)
            #expect(statuses.count(of: .tooManyRequests) == Self.attempts - RateLimit.signInPerAccount.limit)
        }
    }

    @Test func twentyFiveConcurrentWrongTokenRequestsReachThePasswordCheckExactlyFiveTimes() async throws {
        try await TestDesk.run { desk in
            let email = "ana@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Ana")
            let responses = try await concurrently(Self.attempts) { _ in
                try await desk.tokenRequest(email: email, password: "guess-guess")
            }
            let statuses = responses.map(\.status)
            #expect(statuses.count(of: .unauthorized) == RateLimit.signInPerAccount.limit)
            #expect(statuses.count(of: .tooManyRequests) == Self.attempts - RateLimit.signInPerAccount.limit)
            let refused = try #require(responses.first { $0.status == .tooManyRequests })
            #expect(refused.apiError?.code == "too_many_attempts")
            #expect(Int(refused.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test func thirtyWrongTokenRequestsAndTheRightPasswordNoLongerWorks() async throws {
        try await TestDesk.run { desk in
            let email = "kim@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Kim")
            var statuses: [HTTPStatus] = []
            for _ in 0..<30 { statuses.append(try await desk.tokenRequest(email: email, password: "guess-guess").status) }
            #expect(statuses.count(of: .unauthorized) == 5)
            #expect(statuses.count(of: .tooManyRequests) == 25)
            #expect(try await desk.tokenRequest(email: email, password: TestDesk.webPassword).status == .tooManyRequests)
        }
    }

    @Test func theAPIAndTheSignInPageShareOneCounter() async throws {
        try await TestDesk.run { desk in
            let email = "rae@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Rae")
            let web = WebClient(desk)
            try await web.get("/login")
            for _ in 0..<5 { #expect(try await web.post("/login", ["email": email, "password": "guess-guess"]).status == .unauthorized) }
            #expect(try await desk.tokenRequest(email: email, password: TestDesk.webPassword).status == .tooManyRequests)

            // A right password forgets the account's failures.
            let other = "sol@example.test"
            _ = try await desk.staffWithPassword(.agent, email: other, name: "Sol")
            for _ in 0..<4 { #expect(try await desk.tokenRequest(email: other, password: "guess-guess").status == .unauthorized) }
            #expect(try await desk.tokenRequest(email: other, password: TestDesk.webPassword).status == .created)
            for _ in 0..<5 { #expect(try await desk.tokenRequest(email: other, password: "guess-guess").status == .unauthorized) }
        }
    }

    @Test func twentyFiveConcurrentContactFormsOpenExactlyFiveTickets() async throws {
        try await TestDesk.run { desk in
            let statuses = try await concurrently(Self.attempts) { index in
                let web = WebClient(desk)
                try await web.get("/contact")
                return try await web.post("/contact", ["email": "r\(index)@example.test", "subject": "Hello \(index)", "message": "Text"]).status
            }
            #expect(statuses.count(of: .created) == RateLimit.contactPerAddress.limit)
            #expect(statuses.count(of: .tooManyRequests) == Self.attempts - RateLimit.contactPerAddress.limit)
            #expect(try await Ticket.query(on: desk.app.db).count() == RateLimit.contactPerAddress.limit)
        }
    }

    @Test func twentyFiveConcurrentPortalLinkRequestsMakeExactlyTenLinks() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "pat@example.test")
            let statuses = try await concurrently(Self.attempts) { _ in
                let web = WebClient(desk)
                try await web.get("/portal/login")
                return try await web.post("/portal/login", ["email": "pat@example.test"]).status
            }
            let limit = RateLimit.portalLinkPerAddress.limit
            #expect(statuses.count(of: .ok) == limit)
            #expect(statuses.count(of: .tooManyRequests) == Self.attempts - limit)
            #expect(try await PortalLink.query(on: desk.app.db).count() == limit)
        }
    }
}
