@testable import App
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Bad input gets a precise 4xx in the error shape, never a 500, and changes nothing.
@Suite("Bad input")
struct BadInputTests {
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

    static let cases: [Case] = [
        Case(name: "malformed JSON", method: .POST, path: "/api/v1/tickets", body: "{\"subject\": ", status: .badRequest, code: "malformed_json", field: nil),
        Case(name: "JSON that is not an object", method: .POST, path: "/api/v1/tickets", body: "[1,2]", status: .unprocessableEntity, code: "wrong_type", field: ""),
        Case(name: "wrong type", method: .POST, path: "/api/v1/tickets", body: #"{"subject": 42, "body": "b", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "wrong_type", field: "subject"),
        Case(name: "missing field", method: .POST, path: "/api/v1/tickets", body: #"{"body": "b", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "missing_field", field: "subject"),
        Case(name: "null field", method: .POST, path: "/api/v1/tickets", body: #"{"subject": null, "body": "b"}"#, status: .unprocessableEntity, code: "missing_field", field: "subject"),
        Case(name: "unknown enum value", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "priority": "panic", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "priority"),
        Case(name: "nested wrong type", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "requester": {"email": 7}}"#, status: .unprocessableEntity, code: "wrong_type", field: "requester.email"),
        Case(name: "invalid email", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "requester": {"email": "not an email"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "requester.email"),
        Case(name: "blank subject", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "   ", "body": "b", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "subject"),
        Case(name: "bad tag", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "tags": ["two words"], "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "tags"),
        Case(name: "bad uuid in body", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "team_id": "nope", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "team_id"),
        Case(name: "unknown team", method: .POST, path: "/api/v1/tickets", body: #"{"subject": "s", "body": "b", "team_id": "8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11", "requester": {"email": "a@example.test"}}"#, status: .unprocessableEntity, code: "invalid_value", field: "team_id"),
        Case(name: "bad id in path", method: .GET, path: "/api/v1/tickets/not-a-uuid", body: nil, status: .notFound, code: "not_found", field: nil),
        Case(name: "unknown id in path", method: .GET, path: "/api/v1/tickets/8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11", body: nil, status: .notFound, code: "not_found", field: nil),
        Case(name: "bad cursor", method: .GET, path: "/api/v1/tickets?cursor=%21%21garbage", body: nil, status: .badRequest, code: "invalid_cursor", field: "cursor"),
        Case(name: "forged cursor", method: .GET, path: "/api/v1/tickets?cursor=eDo1", body: nil, status: .badRequest, code: "invalid_cursor", field: "cursor"),
        Case(name: "limit too large", method: .GET, path: "/api/v1/tickets?limit=100000", body: nil, status: .unprocessableEntity, code: "invalid_value", field: "limit"),
        Case(name: "limit not a number", method: .GET, path: "/api/v1/tickets?limit=ten", body: nil, status: .unprocessableEntity, code: "invalid_value", field: "limit"),
        Case(name: "unknown status filter", method: .GET, path: "/api/v1/tickets?status=lost", body: nil, status: .unprocessableEntity, code: "invalid_value", field: "status"),
        Case(name: "bad owner filter", method: .GET, path: "/api/v1/tickets?owner_id=42", body: nil, status: .unprocessableEntity, code: "invalid_value", field: "owner_id"),
        Case(name: "unknown route", method: .GET, path: "/api/v1/nothing-here", body: nil, status: .notFound, code: "not_found", field: nil),
        Case(name: "custom field object", method: .PATCH, path: "/api/v1/tickets/{ticket}", body: #"{"custom_fields": {"a": {"b": 1}}}"#, status: .unprocessableEntity, code: "invalid_value", field: "custom_fields.a"),
        Case(name: "assign to nobody", method: .POST, path: "/api/v1/tickets/{ticket}/assign", body: #"{"owner_id": "8E0A3D6C-5B2F-4F64-9A63-0D4C2B1B7E11"}"#, status: .unprocessableEntity, code: "invalid_value", field: "owner_id"),
        Case(name: "hand off to nobody", method: .POST, path: "/api/v1/tickets/{ticket}/handoffs", body: #"{"note": "context"}"#, status: .unprocessableEntity, code: "handoff_target_required", field: "to_user_id"),
        Case(name: "empty message", method: .POST, path: "/api/v1/tickets/{ticket}/messages", body: #"{"body": " "}"#, status: .unprocessableEntity, code: "invalid_value", field: "body"),
        Case(name: "short password", method: .POST, path: "/api/v1/users", body: #"{"email": "x@example.test", "name": "X", "role": "agent", "password": "short"}"#, status: .unprocessableEntity, code: "invalid_value", field: "password"),
    ]

    @Test(arguments: cases)
    func badInputIsAnsweredPrecisely(_ testCase: Case) async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let ticket = try await desk.createTicket(token: admin.token)
            let path = testCase.path.replacingOccurrences(of: "{ticket}", with: ticket.id.uuidString)
            let response = try await desk.send(testCase.method, path, token: admin.token, raw: testCase.body)
            #expect(response.status == testCase.status, "\(response.body.string)")
            let error = try #require(response.apiError, "error shape: \(response.body.string)")
            #expect(error.code == testCase.code)
            #expect(!error.message.isEmpty)
            if let field = testCase.field, !field.isEmpty { #expect(error.field == field) }

            // Nothing changed: still one ticket with its one message and two events.
            let page = try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self)
            #expect(page.tickets.count == 1)
            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: admin.token).decoded(EventList.self)
            #expect(events.events.count == 2)
        }
    }

    @Test func anOversizedBodyIs413() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let huge = String(repeating: "a", count: 1_100_000)
            // Over real HTTP: the limit applies while the body streams in, before any of it is decoded.
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: admin.token)
            headers.contentType = .json
            let response = try await desk.app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
                .POST, "/api/v1/tickets", headers: headers,
                body: ByteBuffer(string: #"{"subject": "s", "body": "\#(huge)", "requester": {"email": "a@example.test"}}"#))
            #expect(response.status == .payloadTooLarge)
            #expect(response.apiError?.code == "payload_too_large")
        }
    }

    @Test(arguments: [nil, "fl_not-a-real-token", ""])
    func aMissingOrUnknownTokenIs401(token: String?) async throws {
        try await TestDesk.run { desk in
            let response = try await desk.send(.GET, "/api/v1/tickets", token: token)
            #expect(response.status == .unauthorized)
            #expect(response.apiError?.code == "unauthenticated")
        }
    }
}
