@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The server and its OpenAPI document agree on the answers an API checker provokes.
@Suite("OpenAPI document and server agree")
struct OpenAPIAgreementTests {
    func document(_ desk: TestDesk) async throws -> [String: Any] {
        let response = try await desk.send(.GET, "/openapi.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func everyOperationDocumentsTheAnswersItsShapeCanGive() async throws {
        try await TestDesk.run { desk in
            let paths = try #require(try await document(desk)["paths"] as? [String: [String: Any]])
            var missing: [String] = []
            for (path, item) in paths {
                for method in ["get", "post", "put", "patch", "delete"] {
                    guard let operation = item[method] as? [String: Any] else { continue }
                    let responses = (operation["responses"] as? [String: Any]) ?? [:]
                    var needed: [String] = []
                    if operation["requestBody"] != nil { needed += ["400", "415", "422"] }
                    if path.contains("{") { needed.append("404") }
                    for status in needed where responses[status] == nil { missing.append("\(method.uppercased()) \(path) \(status)") }
                }
            }
            #expect(missing.isEmpty, "undocumented: \(missing.sorted())")
        }
    }

    @Test func malformedJSONAndAWrongContentTypeAnswerAsDocumented() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let malformed = try await desk.send(.POST, "/api/v1/tickets", token: agent.token, raw: "{not json")
            #expect(malformed.status == .badRequest)
            #expect(malformed.apiError?.code == "malformed_json")
            let wrongType = try await desk.send(.POST, "/api/v1/tickets", token: agent.token, raw: "subject=x", contentType: .plainText)
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(wrongType.apiError?.code == "unsupported_media_type")
        }
    }

    @Test func anUnsupportedMethodAnswers405WithAllow() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let trace = try await desk.send(.TRACE, "/api/v1/tickets", token: agent.token)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.apiError?.code == "method_not_allowed")
            #expect(trace.headers.first(name: "Allow") == "GET, POST, HEAD")
            let put = try await desk.send(.PUT, "/api/v1/tickets/\(UUID())", token: agent.token)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: "Allow") == "GET, PATCH, HEAD")
            #expect(try await desk.send(.TRACE, "/openapi.json").status == .methodNotAllowed)
            // A constant path of another method is not an id for a parameter route.
            let webhook = try await desk.send(.GET, "/api/v1/calls/events", token: agent.token)
            #expect(webhook.status == .methodNotAllowed)
            #expect(webhook.headers.first(name: "Allow") == "POST")
            let export = try await desk.send(.PATCH, "/api/v1/insights/export.csv", token: agent.token)
            #expect(export.status == .methodNotAllowed)
            #expect(export.headers.first(name: "Allow") == "GET, HEAD")
            #expect(try await desk.send(.GET, "/api/v1/calls/\(UUID())", token: agent.token).status == .notFound)
            #expect(try await desk.send(.GET, "/api/v1/no-such-thing", token: agent.token).status == .notFound, "an unknown path stays 404")
        }
    }

    @Test func readinessAnswersWithAContentType() async throws {
        try await TestDesk.run { desk in
            let ready = try await desk.send(.GET, "/readyz")
            #expect(ready.status == .ok)
            #expect(ready.headers.contentType?.type == "text")
            #expect(ready.headers.contentType?.subType == "plain")
        }
    }

    /// JSON Schema's `maxLength` counts code points; so does the server.
    @Test func aSubjectIsMeasuredInCodePointsAsTheDocumentSays() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let precomposed = String(repeating: "\u{E9}", count: 250)  // é: 250 code points
            let ticket = try await desk.createTicket(token: agent.token, subject: precomposed)
            #expect(ticket.subject.unicodeScalars.count == 250)
            let combining = String(repeating: "e\u{301}", count: 250)  // é as e + accent: 250 characters, 500 code points
            let response = try await desk.send(.POST, "/api/v1/tickets", token: agent.token, json: [
                "subject": JSON.string(combining), "body": .string("x"), "requester": .object(["email": .string("pat@example.test")]),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.apiError?.field == "subject")
        }
    }

    /// Customers may have international addresses (RFC 6531): the document says `idn-email`, and
    /// the API takes only addresses of that form.
    @Test func anInternationalEmailIsAcceptedAndDocumented() async throws {
        try await TestDesk.run { desk in
            let schemas = try #require((try await document(desk)["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let customer = try #require(schemas["Customer"] as? [String: Any])
            let email = try #require((customer["properties"] as? [String: Any])?["email"] as? [String: Any])
            #expect(email["format"] as? String == "idn-email")

            let admin = try await desk.staff(.admin)
            let created = try await desk.send(.POST, "/api/v1/customers", token: admin.token, json: ["email": "josé@example.test", "name": "José"])
            #expect(created.status == .created, "\(created.body.string)")
            for address in ["a..b@example.test", "pat@exa_mple.test", "(pat)@example.test", "pat@-example.test"] {
                let refused = try await desk.send(.POST, "/api/v1/customers", token: admin.token, json: ["email": address])
                #expect(refused.status == .unprocessableEntity, "\(address)")
                #expect(refused.apiError?.field == "email")
            }
        }
    }
}
