@testable import App
import Fluent
import Foundation
import FrontlineCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The audit log: every administrative action leaves who, when, what and before/after, readable by
/// admins only, and the database refuses to rewrite it.
@Suite("Audit log")
struct AuditLogTests {
    typealias Page = AuditLogController.EntryPage

    @Test func administrativeActionsAreRecordedWithBeforeAndAfter() async throws {
        try await TestDesk.run { desk in
            let (admin, token) = try await desk.staff(.admin, name: "Ada Admin")
            let created = try await desk.send(.POST, "/api/v1/users", token: token, json: [
                "email": "bo@example.test", "name": "Bo Agent", "role": "agent", "password": "a long password",
            ])
            #expect(created.status == .created)
            let bo = try created.decoded(UserDTO.self)
            #expect(try await desk.send(.PATCH, "/api/v1/users/\(bo.id)", token: token, json: ["role": "lead"]).status == .ok)
            #expect(try await desk.send(.DELETE, "/api/v1/users/\(bo.id)", token: token).status == .noContent)
            let team = try await desk.send(.POST, "/api/v1/teams", token: token, json: ["name": "Returns"]).decoded(TeamDTO.self)
            #expect(try await desk.send(.POST, "/api/v1/teams/\(team.id)/members", token: token, json: ["user_id": admin.id!.uuidString]).status == .created)
            #expect(try await desk.send(.PATCH, "/api/v1/settings/department-health", token: token, json: ["cost_per_minute": 1.25]).status == .ok)

            let page = try await desk.send(.GET, "/api/v1/audit-log", token: token).decoded(Page.self)
            #expect(page.entries.map(\.kind) == [
                "settings.changed", "team.member_added", "team.created", "user.deactivated", "user.changed", "user.created",
            ])
            #expect(page.entries.allSatisfy { $0.actorId == admin.id && $0.actorName == "Ada Admin" })
            let roleChange = try #require(page.entries.first { $0.kind == "user.changed" })
            #expect(roleChange.subjectId == bo.id.uuidString)
            #expect(roleChange.before.flatMap { field($0, "role") } == .string("agent"))
            #expect(roleChange.after.flatMap { field($0, "role") } == .string("lead"))
            let creation = try #require(page.entries.last)
            #expect(creation.before == nil)
            #expect(creation.after.flatMap { field($0, "email") } == .string("bo@example.test"))
            // Snapshots never carry a secret.
            let raw = try await desk.send(.GET, "/api/v1/audit-log", token: token).body.string
            #expect(!raw.contains("password_hash") && !raw.contains("$2b$") && !raw.contains("token_hash"))
            let settings = try #require(page.entries.first)
            #expect(settings.before.flatMap { field($0, "cost_per_minute") } != settings.after.flatMap { field($0, "cost_per_minute") })
        }
    }

    @Test func filtersAndPagesNewestFirst() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.admin)
            let (manager, managerToken) = try await desk.staff(.manager, name: "Mo Manager")
            for name in ["One", "Two", "Three"] {
                #expect(try await desk.send(.POST, "/api/v1/teams", token: managerToken, json: ["name": name]).status == .created)
            }
            #expect(try await desk.send(.POST, "/api/v1/business-calendars", token: token, json: calendar).status == .created)

            let mine = try await desk.send(.GET, "/api/v1/audit-log?actor_id=\(manager.id!)", token: token).decoded(Page.self)
            #expect(mine.entries.count == 3 && mine.entries.allSatisfy { $0.actorName == "Mo Manager" })
            let calendars = try await desk.send(.GET, "/api/v1/audit-log?kind=business_calendar.created", token: token).decoded(Page.self)
            #expect(calendars.entries.count == 1)

            let first = try await desk.send(.GET, "/api/v1/audit-log?limit=2", token: token).decoded(Page.self)
            #expect(first.entries.count == 2)
            let cursor = try #require(first.nextCursor)
            // An entry written while paging lands on the first page, never shifting the next one.
            #expect(try await desk.send(.POST, "/api/v1/teams", token: managerToken, json: ["name": "Four"]).status == .created)
            let second = try await desk.send(.GET, "/api/v1/audit-log?limit=2&cursor=\(cursor)", token: token).decoded(Page.self)
            #expect(second.entries.count == 2)
            #expect(second.nextCursor == nil)
            #expect(Set(first.entries.map(\.id)).isDisjoint(with: second.entries.map(\.id)))
            #expect(second.entries.map(\.id) == second.entries.map(\.id).sorted(by: >))
            #expect(first.entries.last!.id > second.entries.first!.id)
        }
    }

    @Test func onlyAdminsReadItAndBadQueriesAreNamed() async throws {
        try await TestDesk.run { desk in
            let (_, admin) = try await desk.staff(.admin)
            let (_, manager) = try await desk.staff(.manager)
            let (_, customer) = try await desk.customer()
            #expect(try await desk.send(.GET, "/api/v1/audit-log").status == .unauthorized)
            #expect(try await desk.send(.GET, "/api/v1/audit-log", token: manager).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/audit-log", token: customer).status == .forbidden)
            let kind = try await desk.send(.GET, "/api/v1/audit-log?kind=user.exploded", token: admin)
            #expect(kind.status == .unprocessableEntity && kind.body.string.contains("\"field\":\"kind\""))
            let actor = try await desk.send(.GET, "/api/v1/audit-log?actor_id=nobody", token: admin)
            #expect(actor.status == .unprocessableEntity && actor.body.string.contains("\"field\":\"actor_id\""))
            #expect(try await desk.send(.GET, "/api/v1/audit-log?limit=0", token: admin).status == .unprocessableEntity)
            let cursor = try await desk.send(.GET, "/api/v1/audit-log?cursor=bm9wZQ", token: admin)
            #expect(cursor.status == .badRequest && cursor.body.string.contains("invalid_cursor"))
        }
    }

    @Test func theDatabaseRefusesToRewriteIt() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.admin)
            #expect(try await desk.send(.POST, "/api/v1/teams", token: token, json: ["name": "Kept"]).status == .created)
            let sql = try desk.app.db.sql
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET actor_name = 'someone else'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
            #expect(try await AuditEntry.query(on: desk.app.db).count() == 1)
            #expect(try await AuditEntry.query(on: desk.app.db).first()?.actorName != "someone else")
        }
    }

    @Test func theAdminPageShowsWhoChangedWhat() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let admin = try await web.signInStaff(.admin, name: "Ada Admin")
            #expect(try await web.post("/admin/teams", ["name": "Billing", "description": ""]).status == .seeOther)
            #expect(try await web.post("/admin/settings", ["desk_name": "Acme Care", "support_address": "", "time_zone": "Europe/Berlin"]).status == .ok)
            let page = try await web.get("/admin/audit-log")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Ada Admin") && html.contains("created a team") && html.contains("changed settings"))
            #expect(html.contains("Frontline → Acme Care"))
            let filtered = try await web.get("/admin/audit-log?kind=team.created&actor_id=\(admin.id!)").body.string
            #expect(filtered.contains("created a team") && !filtered.contains("changed settings"))
            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            #expect(try await agent.get("/admin/audit-log").status == .forbidden)
        }
    }

    private func field(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let object) = value else { return nil }
        return object[key]
    }

    private let calendar: [String: JSON] = [
        "name": "Office hours", "time_zone": "Europe/Berlin",
        "weekly_hours": .object(["monday": .array([.object(["start": "09:00", "end": "17:00"])])]),
    ]
}
