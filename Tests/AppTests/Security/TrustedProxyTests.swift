@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Behind a trusted proxy each client is counted on its own; from anyone else a forwarding
/// header changes nothing.
@Suite("Trusted proxies")
struct TrustedProxyTests {
    static func contact(_ web: WebClient, forwardedFor: String, index: Int) async throws -> HTTPStatus {
        web.extraHeaders.replaceOrAdd(name: .xForwardedFor, value: forwardedFor)
        return try await web.post("/contact", ["email": "r\(index)@example.test", "subject": "Hello \(index)", "message": "Text"]).status
    }

    @Test func behindATrustedProxyEachClientHasItsOwnLimit() async throws {
        let (proxies, invalid) = TrustedProxies.parse("127.0.0.1/32, ::1")
        #expect(invalid.isEmpty)
        try await TestDesk.run(adjust: { $0.trustedProxies = proxies }) { desk in
            let web = WebClient(desk)
            web.overRealHTTP = true
            try await web.get("/contact")
            for index in 0..<5 { #expect(try await Self.contact(web, forwardedFor: "198.51.100.7", index: index) == .created) }
            #expect(try await Self.contact(web, forwardedFor: "198.51.100.7", index: 5) == .tooManyRequests)
            // What a client writes in front of the proxy's entry does not make it someone else.
            #expect(try await Self.contact(web, forwardedFor: "203.0.113.50, 198.51.100.7", index: 6) == .tooManyRequests)
            // Another client behind the same proxy is not limited by the first.
            #expect(try await Self.contact(web, forwardedFor: "198.51.100.8", index: 7) == .created)
            #expect(try await Self.contact(web, forwardedFor: "2001:db8::8, 127.0.0.1", index: 8) == .created)
        }
    }

    @Test func fromAnUntrustedPeerAForwardingHeaderIsIgnored() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            web.overRealHTTP = true
            try await web.get("/contact")
            for index in 0..<5 { #expect(try await Self.contact(web, forwardedFor: "198.51.100.\(index)", index: index) == .created) }
            #expect(try await Self.contact(web, forwardedFor: "198.51.100.99", index: 9) == .tooManyRequests)
        }
    }

    @Test func theSettingIsReadAndCheckedAtStart() throws {
        let config = try FrontlineConfig.fromEnvironment(["FRONTLINE_TRUSTED_PROXIES": "10.0.0.0/8, fd00::/8, 192.0.2.1"])
        #expect(config.trustedProxies.networks.map(\.description) == ["10.0.0.0/8", "fd00::/8", "192.0.2.1/32"])
        #expect(config.trustedProxies.header == .xForwardedFor)
        let invalid = try #require(throws: FrontlineConfig.Invalid.self) {
            try FrontlineConfig.fromEnvironment(["FRONTLINE_TRUSTED_PROXIES": "10.0.0.0/33, proxy.local", "FRONTLINE_FORWARDED_HEADER": "x-real-ip"])
        }
        #expect(invalid.problems.count == 2)
        #expect(invalid.problems.contains { $0.contains("'10.0.0.0/33'") && $0.contains("'proxy.local'") })
        #expect(invalid.problems.contains { $0.contains("FRONTLINE_FORWARDED_HEADER") })
    }
}
