@testable import App
import Fluent
import Foundation
import FrontlineMail
import Testing
import Vapor
import VaporTesting

/// Links that leave the desk (portal sign-in, setup, mail) come only from `FRONTLINE_PUBLIC_URL`,
/// never from what a request says about itself.
@Suite("Public links")
struct PublicLinkTests {
    /// Asks for a portal link the way an attacker would: for the victim's address, with their own Host.
    static func askForLink(_ desk: TestDesk, email: String, host: String) async throws -> String {
        let web = WebClient(desk)
        web.extraHeaders.replaceOrAdd(name: .host, value: host)
        try await web.get("/portal/login")
        #expect(try await web.post("/portal/login", ["email": email]).status == .ok)
        return try #require(desk.app.portalLinkCapture.latest(for: email))
    }

    @Test func aPortalLinkNeverTakesTheHostHeader() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "victim@example.test")
            let link = try await Self.askForLink(desk, email: "victim@example.test", host: "evil.example")
            #expect(!link.contains("evil.example"))
            // No public address configured: the log gets the path alone, and says why.
            #expect(link.hasPrefix("/portal/link/"))
        }
    }

    @Test func aPortalLinkIsOnThePublicAddress() async throws {
        try await TestDesk.run(adjust: { $0.publicURL = "https://help.example.com/" }) { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "pat@example.test")
            let link = try await Self.askForLink(desk, email: "pat@example.test", host: "evil.example")
            #expect(link.hasPrefix("https://help.example.com/portal/link/"))
            // And it works.
            let web = WebClient(desk)
            let path = try #require(URL(string: link)?.path)
            try await web.get(path)
            #expect(try await web.post(path).status == .seeOther)
        }
    }

    @Test func mailWithoutAPublicAddressIsAConfigurationError() throws {
        #expect(throws: FrontlineConfig.Invalid.self) { try FrontlineConfig.fromEnvironment(["SMTP_URL": "smtp://127.0.0.1:2525"]) }
        let invalid = try #require(throws: FrontlineConfig.Invalid.self) {
            try FrontlineConfig.fromEnvironment(["SMTP_URL": "smtp://127.0.0.1:2525", "LOG_LEVEL": "loud"])
        }
        #expect(invalid.problems.count == 2, "every problem at once: \(invalid.problems)")
        #expect(invalid.problems.contains { $0.contains("FRONTLINE_PUBLIC_URL") && $0.contains("SMTP_URL") })
        let config = try FrontlineConfig.fromEnvironment(["SMTP_URL": "smtp://127.0.0.1:2525", "FRONTLINE_PUBLIC_URL": "https://help.example.com"])
        #expect(config.publicURL == "https://help.example.com")
        #expect(try FrontlineConfig.fromEnvironment([:]).publicURL == nil, "a desk without mail needs no public address")
    }

    @Test func theServerRefusesToStartWithMailButNoPublicAddress() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["migrate"], environment: ["SMTP_URL": "smtp://127.0.0.1:2525"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("FRONTLINE_PUBLIC_URL"))
    }

    @Test func theSetupLinkIsOnThePublicAddressOrSaysThereIsNone() async throws {
        try await TestDesk.run(adjust: { $0.publicURL = "https://help.example.com" }) { desk in
            #expect(desk.app.publicLink("/setup?token=x") == "https://help.example.com/setup?token=x")
        }
        try await TestDesk.run { desk in
            #expect(desk.app.publicLink("/setup?token=x") == "/setup?token=x")
        }
    }

    @Test func portalLinksKeptInMemoryWithoutMailAreBounded() async throws {
        let capture = PortalLinkCapture(capacity: 3)
        for index in 0..<5 { capture.record(email: "c\(index)@example.test", link: "/portal/link/\(index)") }
        #expect(capture.count == 3)
        #expect(capture.latest(for: "c0@example.test") == nil, "the oldest are dropped")
        #expect(capture.latest(for: "C4@example.test") == "/portal/link/4")
        try await TestDesk.run { desk in
            for index in 0..<(PortalLinkCapture.defaultCapacity + 50) {
                desk.app.portalLinkCapture.record(email: "c\(index)@example.test", link: "/portal/link/\(index)")
            }
            #expect(desk.app.portalLinkCapture.count == PortalLinkCapture.defaultCapacity)
        }
    }
}
