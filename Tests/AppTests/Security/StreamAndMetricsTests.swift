@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Server-sent events carry what customers wrote without letting it start fields; `/metrics`
/// asks for its token when one is set.
@Suite("Event stream and metrics")
struct StreamAndMetricsTests {
    @Test func everyLineBreakABrowserKnowsStartsANewDataLine() {
        let text = DeskStream.eventText(event: "entry", id: 7, data: "one\rid: 999\r\nevent: forged\ntwo")
        #expect(text == "event: entry\nid: 7\ndata: one\ndata: id: 999\ndata: event: forged\ndata: two\n\n")
    }

    @Test func aCarriageReturnInAMessageCannotInjectAnEventField() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let body = "Hello\rid: 999999\revent: forged\rdata: injected"
            let posted = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: token, json: ["body": body, "visibility": "public"])
            #expect(posted.status == .created)
            let stream = try await web.get("/desk/stream/tickets/\(ticket.number)?once=1")
            #expect(stream.status == .ok)
            // Read the stream as a browser does: lines end at \r\n, \r or \n.
            let lines = stream.body.string.replacingOccurrences(of: "\r\n", with: "\n").split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
            for line in lines where !line.isEmpty {
                #expect(["event: ", "id: ", "data: ", "retry: "].contains { line.hasPrefix($0) }, "a field we did not write: \(line)")
            }
            #expect(!lines.contains("event: forged"))
            #expect(!lines.contains("id: 999999"))
            #expect(lines.contains { $0.hasPrefix("data: ") && $0.contains("event: forged") }, "the customer's text is still there, as data")
        }
    }

    @Test func withAMetricsTokenMetricsAnswerOnlyToIt() async throws {
        let secret = "scrape-me-0123456789"
        try await TestDesk.run(adjust: { $0.metricsToken = secret }) { desk in
            let anonymous = try await desk.send(.GET, "/metrics")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            #expect(!anonymous.body.string.contains("frontline_"))
            #expect(try await desk.send(.GET, "/metrics", token: "scrape-me-0123456788").status == .unauthorized)
            let scraped = try await desk.send(.GET, "/metrics", token: secret)
            #expect(scraped.status == .ok)
            #expect(scraped.body.string.contains("frontline_http_requests_total"))
        }
        let invalid = try #require(throws: FrontlineConfig.Invalid.self) {
            try FrontlineConfig.fromEnvironment(["FRONTLINE_METRICS_TOKEN": "short"])
        }
        #expect(invalid.problems.contains { $0.contains("FRONTLINE_METRICS_TOKEN") })
        #expect(try FrontlineConfig.fromEnvironment(["FRONTLINE_METRICS_TOKEN": secret]).metricsToken == secret)
    }
}
