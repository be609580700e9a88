@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// NUL characters in any text a client sends are refused with 422 naming the field, before they
/// reach the database (PostgreSQL refuses them in text: a 500 before). Runs on both databases.
@Suite("NUL characters in text input")
struct NULCharacterTests {
    @Test func jsonBodiesAreRefusedNamingTheField() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let cases: [(String, String)] = [
                (#"{"subject": "Printer\u0000E3", "body": "x", "requester": {"email": "pat@example.test"}}"#, "subject"),
                (#"{"subject": "Printer", "body": "x", "requester": {"email": "pat@example.test", "name": "Pat\u0000"}}"#, "requester.name"),
                (#"{"subject": "Printer", "body": "x", "requester": {"email": "pat@example.test"}, "tags": ["ok", "b\u0000d"]}"#, "tags.1"),
            ]
            for (body, field) in cases {
                let response = try await desk.send(.POST, "/api/v1/tickets", token: agent.token, raw: body)
                #expect(response.status == .unprocessableEntity, "\(field): \(response.body.string)")
                #expect(response.apiError?.field == field)
                #expect(response.apiError?.code == "invalid_value")
            }
            let ticket = try await desk.createTicket(token: agent.token)
            let message = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, raw: #"{"body": "hello\u0000"}"#)
            #expect(message.status == .unprocessableEntity)
            #expect(message.apiError?.field == "body")
            let fields = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, raw: #"{"custom_fields": {"pl\u0000an": "x"}}"#)
            #expect(fields.status == .unprocessableEntity)
            #expect(fields.apiError?.field == "custom_fields.plan")
            let customer = try await desk.send(.POST, "/api/v1/customers", token: agent.token, raw: #"{"email": "sam@example.test", "name": "S\u0000am"}"#)
            #expect(customer.status == .unprocessableEntity)
            #expect(customer.apiError?.field == "name")

            // An escaped backslash followed by "u0000" is text, not a NUL.
            let literal = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, raw: #"{"body": "C:\\u0000 is a path"}"#)
            #expect(literal.status == .created, "\(literal.body.string)")
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token).decoded(MessageList.self).messages
            #expect(messages.map(\.body) == ["It stopped printing after the update.", #"C:\u0000 is a path"#])
        }
    }

    @Test func queryStringsAndFormsAreRefusedNamingTheField() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let query = try await desk.send(.GET, "/api/v1/tickets?requester_email=pat%00@example.test", token: agent.token)
            #expect(query.status == .unprocessableEntity)
            #expect(query.apiError?.field == "requester_email")
            let customers = try await desk.send(.GET, "/api/v1/customers?q=a%00", token: agent.token)
            #expect(customers.status == .unprocessableEntity)
            #expect(customers.apiError?.field == "q")

            let web = WebClient(desk)
            try await web.signInStaff()
            let search = try await web.get("/desk/search?q=%00")
            #expect(search.status == .unprocessableEntity)
            let ticket = try await desk.createTicket(token: agent.token)
            let reply = try await web.post("/desk/tickets/\(ticket.number)/reply", ["body": "hi\u{0}there"])
            #expect(reply.status == .unprocessableEntity, "\(reply.body.string.prefix(300))")
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token).decoded(MessageList.self).messages
            #expect(messages.count == 1, "nothing was stored")

            let signIn = WebClient(desk)
            try await signIn.get("/login")
            let refused = try await signIn.post("/login", ["email": "ana\u{0}@example.test", "password": "x"])
            #expect(refused.status == .unprocessableEntity)
        }
    }
}
