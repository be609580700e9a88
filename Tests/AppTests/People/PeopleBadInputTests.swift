@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Bad input to the people endpoints gets a precise 4xx in the error shape, never a 500.
@Suite("People bad input")
struct PeopleBadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let method: HTTPMethod
        let path: String
        let body: String?
        let status: HTTPStatus
        let code: String
        let field: String?
        var testDescription: String { name }
    }

    /// `{ada}`, `{ben}`, `{duty}` (Ada's daily duty), `{ticket}` and `{entry}` are filled in per test.
    static let cases: [Case] = [
        Case(name: "unknown cadence", method: .POST, path: "/api/v1/duties", body: #"{"name": "x", "cadence": "hourly", "minutes": 10, "category": "office"}"#, status: .unprocessableEntity, code: "invalid_value", field: "cadence"),
        Case(name: "unknown category", method: .POST, path: "/api/v1/duties", body: #"{"name": "x", "cadence": "daily", "minutes": 10, "category": "sales"}"#, status: .unprocessableEntity, code: "invalid_value", field: "category"),
        Case(name: "zero minutes", method: .POST, path: "/api/v1/duties", body: #"{"name": "x", "cadence": "daily", "minutes": 0, "category": "office"}"#, status: .unprocessableEntity, code: "invalid_value", field: "minutes"),
        Case(name: "missing cadence", method: .POST, path: "/api/v1/duties", body: #"{"name": "x", "minutes": 10, "category": "office"}"#, status: .unprocessableEntity, code: "missing_field", field: "cadence"),
        Case(name: "bad start day", method: .POST, path: "/api/v1/duties", body: #"{"name": "x", "cadence": "daily", "minutes": 10, "category": "office", "started_on": "2026-02-30"}"#, status: .unprocessableEntity, code: "invalid_value", field: "started_on"),
        Case(name: "someone else's duty", method: .POST, path: "/api/v1/duties", body: #"{"user_id": "{ben}", "name": "x", "cadence": "daily", "minutes": 10, "category": "office"}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "duty of nobody", method: .POST, path: "/api/v1/duties", body: #"{"user_id": "8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11", "name": "x", "cadence": "daily", "minutes": 10, "category": "office"}"#, status: .unprocessableEntity, code: "invalid_value", field: "user_id"),
        Case(name: "edit someone else's duty", method: .PATCH, path: "/api/v1/duties/{benduty}", body: #"{"minutes": 5}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "occurrence of a daily duty", method: .POST, path: "/api/v1/duties/{duty}/occurrences", body: #"{"on": "2026-11-02"}"#, status: .unprocessableEntity, code: "duty_not_ad_hoc", field: "duty_id"),
        Case(name: "occurrence without a day", method: .POST, path: "/api/v1/duties/{duty}/occurrences", body: #"{}"#, status: .unprocessableEntity, code: "missing_field", field: "on"),
        Case(name: "unknown duty", method: .GET, path: "/api/v1/duties/8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11", body: nil, status: .notFound, code: "not_found", field: nil),
        Case(name: "kudos to yourself", method: .POST, path: "/api/v1/kudos", body: #"{"to_user_id": "{ada}", "message": "me!", "value": "ownership"}"#, status: .unprocessableEntity, code: "kudos_to_self", field: "to_user_id"),
        Case(name: "unknown kudos value", method: .POST, path: "/api/v1/kudos", body: #"{"to_user_id": "{ben}", "message": "great", "value": "speed"}"#, status: .unprocessableEntity, code: "invalid_value", field: "value"),
        Case(name: "kudos for nobody", method: .POST, path: "/api/v1/kudos", body: #"{"to_user_id": "8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11", "message": "great", "value": "teamwork"}"#, status: .unprocessableEntity, code: "invalid_value", field: "to_user_id"),
        Case(name: "customer kudos by an agent", method: .POST, path: "/api/v1/kudos/from-customer", body: #"{"to_user_id": "{ben}", "ticket_id": "{ticket}", "quote": "thanks"}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "bad highlights month", method: .GET, path: "/api/v1/kudos/highlights?month=2026-13", body: nil, status: .unprocessableEntity, code: "invalid_value", field: "month"),
        Case(name: "bad kudos cursor", method: .GET, path: "/api/v1/kudos?cursor=nope", body: nil, status: .badRequest, code: "invalid_cursor", field: "cursor"),
        Case(name: "unknown learning topic", method: .POST, path: "/api/v1/learning-entries", body: #"{"about": "gossip", "text": "x"}"#, status: .unprocessableEntity, code: "invalid_value", field: "about"),
        Case(name: "insight without tickets", method: .POST, path: "/api/v1/insights", body: #"{"title": "t", "description": "d", "ticket_ids": []}"#, status: .unprocessableEntity, code: "invalid_value", field: "ticket_ids"),
        Case(name: "insight from unknown ticket", method: .POST, path: "/api/v1/insights", body: #"{"title": "t", "description": "d", "ticket_ids": ["8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11"]}"#, status: .unprocessableEntity, code: "invalid_value", field: "ticket_ids"),
        Case(name: "negative revenue at risk", method: .POST, path: "/api/v1/policy-frictions", body: #"{"policy": "p", "description": "d", "ticket_id": "{ticket}", "revenue_at_risk": -5}"#, status: .unprocessableEntity, code: "invalid_value", field: "revenue_at_risk"),
        Case(name: "skill level 6", method: .POST, path: "/api/v1/users/{ada}/skills", body: #"{"name": "Empathy", "level": 6}"#, status: .unprocessableEntity, code: "invalid_value", field: "level"),
        Case(name: "new skill without kind", method: .POST, path: "/api/v1/users/{ada}/skills", body: #"{"name": "Juggling", "level": 3}"#, status: .unprocessableEntity, code: "invalid_value", field: "kind"),
        Case(name: "someone else's skills", method: .POST, path: "/api/v1/users/{ben}/skills", body: #"{"name": "Empathy", "level": 3}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "unanswered role profile", method: .PUT, path: "/api/v1/users/{ada}/role-profile", body: #"{"answers": {"q1": "a"}}"#, status: .unprocessableEntity, code: "unanswered_questions", field: "answers"),
        Case(name: "someone else's role profile", method: .PUT, path: "/api/v1/users/{ben}/role-profile", body: #"{"answers": {"q1": "a"}}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "coaching by an agent", method: .POST, path: "/api/v1/coaching-sessions", body: #"{"agent_id": "{ben}", "on": "2026-11-02", "minutes": 30}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "acknowledge unknown session", method: .POST, path: "/api/v1/coaching-sessions/8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11/acknowledge", body: "{}", status: .notFound, code: "not_found", field: nil),
        Case(name: "coaching queue without reason", method: .POST, path: "/api/v1/tickets/{ticket}/coaching-queue", body: #"{"reason": "  "}"#, status: .unprocessableEntity, code: "invalid_value", field: "reason"),
        Case(name: "report by an agent", method: .GET, path: "/api/v1/reports/department-health", body: nil, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "career move by an agent", method: .POST, path: "/api/v1/career-moves", body: #"{"user_id": "{ben}", "on": "2026-11-02", "kind": "promotion", "to_title": "Lead"}"#, status: .forbidden, code: "forbidden", field: nil),
        Case(name: "promote twice", method: .POST, path: "/api/v1/learning-entries/{promoted}/promote", body: "{}", status: .conflict, code: "already_promoted", field: nil),
    ]

    @Test(arguments: cases)
    func badInputIsAnsweredPrecisely(_ testCase: Case) async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let duty = try await f.duty(f.ada.token, name: "Answer the queue", cadence: "daily", minutes: 300, category: "customer")
            let benDuty = try await f.duty(f.ben.token, name: "Answer the queue", cadence: "daily", minutes: 300, category: "customer")
            let ticket = try await desk.createTicket(token: f.ada.token)
            let entry = try await desk.send(.POST, "/api/v1/learning-entries", token: f.ada.token, json: ["about": "product", "text": "x"]).decoded(LearningEntryDTO.self)
            #expect(try await desk.send(.POST, "/api/v1/learning-entries/\(entry.id)/promote", token: f.ada.token, json: [String: String]()).status == .created)
            func fill(_ text: String) throws -> String {
                text.replacingOccurrences(of: "{ada}", with: try f.ada.user.requireID().uuidString)
                    .replacingOccurrences(of: "{ben}", with: try f.ben.user.requireID().uuidString)
                    .replacingOccurrences(of: "{duty}", with: duty.id.uuidString)
                    .replacingOccurrences(of: "{benduty}", with: benDuty.id.uuidString)
                    .replacingOccurrences(of: "{ticket}", with: ticket.id.uuidString)
                    .replacingOccurrences(of: "{promoted}", with: entry.id.uuidString)
            }
            let response = try await desk.send(testCase.method, try fill(testCase.path), token: f.ada.token, raw: try testCase.body.map(fill))
            #expect(response.status == testCase.status, "\(response.body.string)")
            let error = try #require(response.apiError, "error shape: \(response.body.string)")
            #expect(error.code == testCase.code)
            #expect(!error.message.isEmpty)
            if let field = testCase.field { #expect(error.field == field) }
        }
    }

    @Test func adminSettingsAreCheckedAndAdminOnly() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let byManager = try await desk.send(.PATCH, "/api/v1/settings/department-health", token: f.manager.token, json: ["minutes_per_reply": 8])
            #expect(byManager.status == .forbidden)
            let inverted = try await desk.send(.PATCH, "/api/v1/settings/department-health", token: f.admin.token,
                                               json: ["service_threshold": 0.4, "drifting_threshold": 0.6])
            #expect(inverted.status == .unprocessableEntity)
            #expect(inverted.apiError?.field == "service_threshold")
            let settings = try await desk.send(.GET, "/api/v1/settings/department-health", token: f.lea.token).decoded(DepartmentHealthSettings.self)
            #expect(settings == DepartmentHealthSettings())
            #expect(settings.minutesPerReply == 6)
            #expect(settings.minutesPerNote == 2)
            let badPeriod = try await desk.send(.GET, "/api/v1/reports/department-health?from=2026-11-10&to=2026-11-01", token: f.manager.token)
            #expect(badPeriod.status == .unprocessableEntity)
            #expect(badPeriod.apiError?.field == "from")
            let badTeam = try await desk.send(.GET, "/api/v1/reports/department-health?team_id=42", token: f.manager.token)
            #expect(badTeam.status == .unprocessableEntity)
            #expect(badTeam.apiError?.field == "team_id")
        }
    }
}
