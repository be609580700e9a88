@testable import App
import Foundation
import FrontlineCore
import Testing
import VaporTesting

/// A customer token gets the customer's own representation on every endpoint it can reach:
/// no tags, custom fields, staff ids, SLA or runaround figures, and no reason a promise was cancelled.
@Suite("What a customer token sees")
struct CustomerRepresentationTests {
    static let ticketKeys: Set<String> = [
        "id", "number", "subject", "status", "priority", "channel", "owner_name", "created_at", "updated_at",
        "first_response_at", "solved_at", "closed_at",
    ]

    /// The keys of a JSON object.
    func keys(_ object: Any?) -> Set<String> {
        Set((object as? [String: Any])?.keys.map { $0 } ?? [])
    }

    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any], "\(response.body.string)")
    }

    @Test func ticketsMessagesAndPromisesCarryNoInternalFields() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent, name: "Ana Costa")
            let pat = try await desk.customer(email: "pat@example.test")
            let created = try await desk.send(.POST, "/api/v1/tickets", token: pat.token, json: ["subject": "Printer shows E3", "body": "It stopped."])
            #expect(created.status == .created)
            let createdKeys = keys(try json(created))
            #expect(createdKeys.isSubset(of: Self.ticketKeys), "unexpected: \(createdKeys.subtracting(Self.ticketKeys))")
            let ticket = try created.decoded(CustomerTicketDTO.self)
            #expect(ticket.ownerName == nil)

            // The desk works the ticket: owner, tags, custom fields, a reply, a note, a promise it cancels.
            let ticketPath = "/api/v1/tickets/\(ticket.id)"
            #expect(try await desk.send(.POST, "\(ticketPath)/assign", token: agent.token, json: ["owner_id": try agent.user.requireID()]).status == .ok)
            let patch: [String: JSON] = ["tags": .array([.string("vip")]), "custom_fields": .object(["churn_risk": .string("high")])]
            #expect(try await desk.send(.PATCH, ticketPath, token: agent.token, json: patch).status == .ok)
            _ = try await desk.send(.POST, "\(ticketPath)/messages", token: agent.token, json: ["body": "Angry; offer a loaner.", "visibility": "internal"])
            _ = try await desk.send(.POST, "\(ticketPath)/messages", token: agent.token, json: ["body": "A loaner is on its way."])
            let promise: [String: JSON] = [
                "kind": .string("callback"), "description": .string("Call back about the loaner"),
                "due_at": .string(Date().addingTimeInterval(86_400).ISO8601Format()),
            ]
            let made = try await desk.send(.POST, "\(ticketPath)/promises", token: agent.token, json: promise)
            #expect(made.status == .created, "\(made.body.string)")
            let promiseId = try made.decoded(PromiseDTO.self).id
            let cancelled = try await desk.send(.POST, "/api/v1/promises/\(promiseId)/cancel", token: agent.token, json: ["reason": "customer is a known abuser"])
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")

            let one = try await desk.send(.GET, ticketPath, token: pat.token)
            let oneObject = try json(one)
            #expect(keys(oneObject).isSubset(of: Self.ticketKeys), "unexpected: \(keys(oneObject).subtracting(Self.ticketKeys))")
            #expect(oneObject["owner_name"] as? String == "Ana Costa")
            #expect(!one.body.string.contains("vip") && !one.body.string.contains("churn_risk"))
            #expect(!one.body.string.contains(try agent.user.requireID().uuidString), "no staff id")

            let list = try json(try await desk.send(.GET, "/api/v1/tickets", token: pat.token))
            let listed = try #require(list["tickets"] as? [Any])
            #expect(listed.count == 1)
            #expect(keys(listed.first).isSubset(of: Self.ticketKeys))

            let messages = try await desk.send(.GET, "\(ticketPath)/messages", token: pat.token)
            let messageObjects = try #require(try json(messages)["messages"] as? [[String: Any]])
            #expect(messageObjects.count == 2, "the opening message and the public reply, not the note")
            for message in messageObjects {
                #expect(keys(message).isSubset(of: ["id", "ticket_id", "author", "body", "html", "channel", "created_at"]))
                #expect(keys(message["author"]) == ["type", "name"], "an author by kind and name, no staff id")
            }
            #expect(!messages.body.string.contains(try agent.user.requireID().uuidString))

            let promises = try await desk.send(.GET, "\(ticketPath)/promises", token: pat.token)
            let promiseObjects = try #require(try json(promises)["promises"] as? [[String: Any]])
            #expect(promiseObjects.count == 1)
            #expect(promiseObjects.first?["state"] as? String == "cancelled")
            #expect(promiseObjects.first?["cancel_reason"] == nil)
            #expect(promiseObjects.first?["owner_id"] == nil)
            #expect(!promises.body.string.contains("abuser"))

            // Staff still get the whole ticket.
            let staffView = try await desk.send(.GET, ticketPath, token: agent.token).decoded(TicketDTO.self)
            #expect(staffView.tags == ["vip"])
            let staffPromises = try await desk.send(.GET, "\(ticketPath)/promises", token: agent.token).decoded(PromiseList.self)
            #expect(staffPromises.promises.first?.cancelReason == "customer is a known abuser")
        }
    }

    @Test func aCustomerCannotProbeInternalFieldsThroughListFilters() async throws {
        try await TestDesk.run { desk in
            let pat = try await desk.customer(email: "pat@example.test")
            _ = try await desk.createCustomerTicket(token: pat.token)
            for query in ["tag=vip", "owner_id=\(UUID())", "team_id=\(UUID())", "flagged=runaround"] {
                let response = try await desk.send(.GET, "/api/v1/tickets?\(query)", token: pat.token)
                #expect(response.status == .forbidden, "\(query)")
            }
            #expect(try await desk.send(.GET, "/api/v1/tickets?status=new", token: pat.token).status == .ok)
        }
    }
}
