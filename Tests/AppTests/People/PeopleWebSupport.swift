@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

extension PeopleFixture {
    /// A browser signed in as one of the fixture's people.
    func browser(_ person: Person) async throws -> WebClient {
        try await WebClient.signedIn(as: person.user, desk: desk)
    }
}

extension WebClient {
    /// A browser signed in as an existing staff member (who gets the test password first).
    static func signedIn(as user: User, desk: TestDesk) async throws -> WebClient {
        let hash = try desk.app.password.hash(TestDesk.webPassword)
        let id = try user.requireID()
        try await desk.app.write { db in
            let stored = try #require(try await User.find(id, on: db))
            stored.passwordHash = hash
            try await stored.save(on: db)
        }
        let web = WebClient(desk)
        try await web.get("/login")
        let response = try await web.post("/login", ["email": user.email, "password": TestDesk.webPassword])
        #expect(response.status == .seeOther, "sign-in of \(user.name): \(response.body.string.prefix(300))")
        try await web.get("/desk/views/mine")
        return web
    }
}

extension TestingHTTPResponse {
    /// Where a 303 sends the browser.
    var location: String? { headers.first(name: .location) }
}

/// Hostile text used to check that every people page escapes what people type.
enum Hostile {
    static let text = "<script>alert('x')</script>"
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
}
