@testable import App
import Fluent
import SQLKit
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Platform: health, metrics, setup")
struct PlatformTests {
    @Test func healthAndReadinessAnswer() async throws {
        try await TestDesk.run { desk in
            #expect(try await desk.send(.GET, "/healthz").status == .ok)
            let ready = try await desk.send(.GET, "/readyz")
            #expect(ready.status == .ok)
            #expect(ready.body.string == "ready\n")
        }
    }

    /// A request waiting to answer goes ahead of background work queued before it, on SQLite's one
    /// writer (PostgreSQL runs writes side by side, each in its own transaction: there is no queue).
    @Test(.enabled(if: !TestDatabase.isPostgres, "PostgreSQL has no write queue"))
    func aRequestsWriteGoesAheadOfBackgroundWork() async throws {
        actor Order {
            var names: [String] = []
            func add(_ name: String) { names.append(name) }
        }
        try await TestDesk.run { desk in
            let order = Order()
            let app = desk.app
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        _ = try? await app.write(lane: .background) { _ in
                            try await Task.sleep(for: .milliseconds(50))
                            await order.add("background \(index)")
                        }
                    }
                }
                try? await Task.sleep(for: .milliseconds(30))
                group.addTask { _ = try? await app.write { _ in await order.add("request") } }
            }
            let names = await order.names
            #expect(names.count == 13)
            // Background work goes four to a commit: the request waits for at most the batches under way.
            let position = try #require(names.firstIndex(of: "request"))
            #expect(position <= 8, "the request's write came after \(position) background writes")
        }
    }

    /// What we accept is on disk before we answer: WAL with a sync on every commit.
    @Test func sqliteCommitsAreDurable() async throws {
        try await TestDesk.run { desk in
            guard case .sqlite = desk.app.frontlineConfig.database else { return }
            let sql = try desk.app.db.sql
            let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            #expect(mode == "wal")
            #expect(sync == 2, "synchronous=FULL")
        }
    }

    @Test func metricsCountRequestsByRouteAndStatusAndTicketsCreated() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: agent.token)
            _ = try await desk.createTicket(token: agent.token)
            _ = try await desk.send(.GET, "/api/v1/tickets/not-a-ticket", token: agent.token)
            let metrics = try await desk.send(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.subType == "plain")
            let text = metrics.body.string
            #expect(text.contains("frontline_tickets_created_total 2"))
            #expect(text.contains(#"frontline_http_requests_total{method="POST",route="/api/v1/tickets",status="201"} 2"#))
            #expect(text.contains(#"frontline_http_requests_total{method="GET",route="/api/v1/tickets/:ticketID",status="404"} 1"#))
            #expect(text.contains("frontline_http_request_duration_seconds_bucket"))
        }
    }

    @Test func theSetupLinkCreatesTheFirstAdminOnce() async throws {
        try await TestDesk.run { desk in
            // The log on first start carries a one-time token; here we make one the same way.
            try await SetupController.announceIfNeeded(desk.app, listeningOn: "http://127.0.0.1:8080")
            #expect(try await SetupToken.query(on: desk.app.db).count() == 1)
            let (token, hash) = APIToken.generate()
            try await desk.app.write { db in try await SetupToken(tokenHash: hash, at: Date()).create(on: db) }

            let page = try await desk.send(.GET, "/setup?token=\(token)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"name="password""#))

            let wrong = try await desk.send(.POST, "/api/v1/setup", json: ["token": "nope", "email": "ada@example.test", "name": "Ada", "password": "long enough"])
            #expect(wrong.status == .forbidden)
            #expect(wrong.apiError?.code == "setup_closed")

            let done = try await desk.send(.POST, "/api/v1/setup", json: ["token": token, "email": "ada@example.test", "name": "Ada", "password": "long enough"])
            #expect(done.status == .created)
            let result = try done.decoded(SetupController.SetupResponse.self)
            #expect(result.user.role == .admin)
            #expect(try await desk.send(.GET, "/api/v1/users", token: result.token).status == .ok)
            let audit = try await desk.send(.GET, "/api/v1/audit-log", token: result.token).decoded(AuditLogController.EntryPage.self)
            #expect(audit.entries.map(\.kind) == ["user.created"] && audit.entries.first?.actorName == "Ada", "the first admin is the log's first entry")

            let again = try await desk.send(.POST, "/api/v1/setup", json: ["token": token, "email": "eve@example.test", "name": "Eve", "password": "long enough"])
            #expect(again.status == .forbidden, "the link works once, and never once an admin exists")

            // With staff present, a restart announces nothing.
            try await SetupController.announceIfNeeded(desk.app, listeningOn: "http://127.0.0.1:8080")
            #expect(try await SetupToken.query(on: desk.app.db).count() == 2)
        }
    }

    @Test func theSetupFormWorksFromABrowserPost() async throws {
        try await TestDesk.run { desk in
            let (token, hash) = APIToken.generate()
            try await desk.app.write { db in try await SetupToken(tokenHash: hash, at: Date()).create(on: db) }
            let form = "token=\(token)&email=ada%40example.test&name=Ada&password=long+enough+pw"
            let done = try await desk.send(.POST, "/setup", raw: form, contentType: .urlEncodedForm)
            #expect(done.status == .created)
            #expect(done.body.string.contains("Frontline is ready"))
            let short = try await desk.send(.POST, "/setup", raw: "token=x&email=a%40b.test&name=A&password=short", contentType: .urlEncodedForm)
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("8 to 72 bytes"))
        }
    }
}
