@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Signing in and out of the desk, CSRF tokens and the sign-in rate limit.
@Suite("Web sessions")
struct WebSessionTests {
    @Test func signInSetsAHardenedSessionCookieAndSignOutEndsTheSession() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let signedOut = try await web.get("/desk/views/mine")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location) == "/login?next=/desk/views/mine")

            let email = "ana@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Ana Costa")
            let form = try await web.get("/login")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"_csrf\""))
            let wrong = try await web.post("/login", ["email": email, "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("do not match"))

            let response = try await web.post("/login", ["email": email, "password": TestDesk.webPassword])
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/desk")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("frontline_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http desks cannot use Secure cookies")
            #expect(try await WebSession.query(on: desk.app.db).count() == 1)

            let mine = try await web.get("/desk/views/mine")
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("Ana Costa"))
            #expect(mine.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)

            let out = try await web.post("/logout")
            #expect(out.status == .seeOther)
            #expect(try await WebSession.query(on: desk.app.db).count() == 0)
            #expect(try await web.get("/desk/views/mine").status == .seeOther)
        }
    }

    @Test func unsafeRequestsWithoutTheCSRFTokenAre403AndChangeNothing() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)

            let missing = try await web.post("/desk/tickets/\(ticket.number)/note", ["body": "sneaky"], csrf: "")
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("did not come from this desk"))
            let forged = try await web.post("/desk/tickets/\(ticket.number)/note", ["body": "sneaky"], csrf: String(repeating: "x", count: 43))
            #expect(forged.status == .forbidden)
            #expect(try await Message.query(on: desk.app.db).filter(\.$visibility == .internal).count() == 0)

            let allowed = try await web.post("/desk/tickets/\(ticket.number)/note", ["body": "checked the logs"])
            #expect(allowed.status == .seeOther)
            #expect(try await Message.query(on: desk.app.db).filter(\.$visibility == .internal).count() == 1)

            // Even the sign-in form needs the token of a page this desk served.
            let stranger = WebClient(desk)
            let login = try await stranger.post("/login", ["email": "a@example.test", "password": "whatever1"], csrf: "")
            #expect(login.status == .forbidden)
        }
    }

    @Test func fiveFailedSignInsLockTheAccountFor15MinutesWith429() async throws {
        try await TestDesk.run { desk in
            let email = "lee@example.test"
            _ = try await desk.staffWithPassword(.agent, email: email, name: "Lee")
            let web = WebClient(desk)
            try await web.get("/login")
            for _ in 0..<5 {
                #expect(try await web.post("/login", ["email": email, "password": "guess-guess"]).status == .unauthorized)
            }
            let locked = try await web.post("/login", ["email": email, "password": TestDesk.webPassword])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("wait 15 minutes"))
            #expect(try await RateLimit.signInPerAccount.count(for: email, on: desk.app.db, at: Date()) == 5)

            // Another account from the same address is not locked yet (the address limit is 20).
            let other = "kim@example.test"
            _ = try await desk.staffWithPassword(.agent, email: other, name: "Kim")
            #expect(try await web.post("/login", ["email": other, "password": TestDesk.webPassword]).status == .seeOther)
        }
    }

    @Test func nextOnlyRedirectsWithinTheDesk() {
        #expect(SignInController.safeNext("/desk/tickets/1001") == "/desk/tickets/1001")
        #expect(SignInController.safeNext("//evil.example/") == nil)
        #expect(SignInController.safeNext("https://evil.example/") == nil)
        #expect(SignInController.safeNext("/\\evil.example") == nil)
    }
}
