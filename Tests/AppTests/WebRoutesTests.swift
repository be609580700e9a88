@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The web's routes are one typed description (`WebRoute`): what is registered and what pages link
/// to cannot drift apart.
@Suite("Typed web routes")
struct WebRoutesTests {
    /// Paths of the route table outside the web app: the API, probes, the OpenAPI document.
    static let notWeb: Set<String> = ["api", "healthz", "readyz", "metrics", "openapi.json"]

    static func registered(_ app: Application) -> Set<String> {
        Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
    }

    @Test func everyTypedRouteIsRegistered() async throws {
        try await TestDesk.run { desk in
            let registered = Self.registered(desk.app)
            let missing = WebRoute.all.map(\.path).filter { !registered.contains($0) }
            #expect(missing.isEmpty, "typed routes nobody serves: \(missing)")
        }
    }

    @Test func everyRegisteredWebRouteIsTyped() async throws {
        try await TestDesk.run { desk in
            let typed = Set(WebRoute.all.map(\.path))
            let web = Self.registered(desk.app).filter { path in
                !Self.notWeb.contains(path.split(separator: "/").first.map(String.init) ?? "")
            }
            let untyped = web.subtracting(typed).sorted()
            #expect(untyped.isEmpty, "web routes registered without a WebRoute (add them to WebRoute.all): \(untyped)")
            #expect(web.contains("/desk/tickets/:number/promises/:promiseID/keep"))
        }
    }

    @Test func aLinkIsItsRouteWithTheValuesFilledIn() {
        let id = UUID(uuidString: "7C1A4F7E-2B1D-4C3E-9F00-0123456789AB")!
        #expect(WebRoute.home.path == "/")
        #expect(WebRoute.desk(.ticket(.value(1042))).path == "/desk/tickets/1042")
        #expect(WebRoute.desk(.ticket(.key, .keepPromise(.key))).path == "/desk/tickets/:number/promises/:promiseID/keep")
        #expect(WebRoute.desk(.ticket(.value(7), .cancelPromise(.value(id)))).path == "/desk/tickets/7/promises/\(id.uuidString)/cancel")
        #expect(WebRoute.people(.confirmSkill(user: .value(id), skill: .value(id))).path == "/desk/people/\(id)/skills/\(id)/confirm")
        #expect(WebRoute.desk(.view(.value(.open))).path == "/desk/views/open")
        #expect(WebRoute.admin(.auditLog).path == "/admin/audit-log")
        #expect(WebRoute.portal(.home).path == "/portal")
    }

    @Test func queriesAndFragmentsArePercentEncoded() {
        let list = WebRoute.desk(.view(.value(.open))).query(["tag": "a&b c+d=é#x", "after": 12, "sort": nil])
        #expect(list.href == "/desk/views/open?tag=a%26b%20c%2Bd%3D%C3%A9%23x&after=12")
        let done = WebRoute.desk(.ticket(.value(3))).query(["done": "promise"]).fragment("promises")
        #expect(done.href == "/desk/tickets/3?done=promise#promises")
        // An empty value stays (a blank filter), a nil one is left out.
        #expect(WebRoute.people(.healthCSV).query(["team_id": "", "from": "2026-11-01"]).href == "/desk/people/health.csv?team_id=&from=2026-11-01")
        #expect(WebRoute.signIn.query(["next": "/desk/tickets/1"]).href == "/login?next=/desk/tickets/1")
        // A path parameter cannot add a segment or a query.
        #expect(WebRoute.portal(.link(.value("a/b?c"))).path == "/portal/link/a%2Fb%3Fc")
        // In markup the `&` between parameters is escaped like any text.
        let markup: Markup = "<a href=\"\(WebRoute.desk(.runaround).query(["show": "all", "page": 2]))\">"
        #expect(markup.html == "<a href=\"/desk/views/runaround?show=all&amp;page=2\">")
    }

    @Test func theRunaroundListPagesWithLinksNotText() async throws {
        try await TestDesk.run { desk in
            let lead = WebClient(desk)
            try await lead.signInStaff(.lead)
            let page = try await lead.get("/desk/views/runaround?show=all&page=2").body.string
            #expect(page.contains("<a href=\"/desk/views/runaround?show=all&amp;page=1\">Previous</a>"))
            #expect(!page.contains("&lt;a href"))
        }
    }
}
