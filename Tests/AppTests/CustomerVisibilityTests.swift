@testable import App
import FrontlineCore
import Testing
import VaporTesting

@Suite("Customers see only their own tickets and never internal notes")
struct CustomerVisibilityTests {
    @Test func aCustomerTokenSeesItsOwnTicketsAndPublicMessagesOnly() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let pat = try await desk.customer(email: "pat@example.test")
            let sam = try await desk.customer(email: "sam@example.test")
            let patsTicket = try await desk.createTicket(token: agent.token, email: "pat@example.test")
            let samsTicket = try await desk.createTicket(token: agent.token, email: "sam@example.test")
            _ = try await desk.send(.POST, "/api/v1/tickets/\(patsTicket.id)/messages", token: agent.token, json: ["body": "Customer sounds angry; offer a loaner.", "visibility": "internal"])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(patsTicket.id)/messages", token: agent.token, json: ["body": "We are sending a loaner today."])

            #expect(try await desk.send(.GET, "/api/v1/tickets/\(patsTicket.id)", token: pat.token).status == .ok)
            let others = try await desk.send(.GET, "/api/v1/tickets/\(samsTicket.id)", token: pat.token)
            #expect(others.status == .notFound, "another customer's ticket looks exactly like one that does not exist")
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(samsTicket.id)/messages", token: pat.token).status == .notFound)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(samsTicket.id)/messages", token: pat.token, json: ["body": "hi"]).status == .notFound)

            let messages = try await desk.send(.GET, "/api/v1/tickets/\(patsTicket.id)/messages", token: pat.token).decoded(CustomerMessageList.self).messages
            #expect(messages.map(\.body) == ["It stopped printing after the update.", "We are sending a loaner today."])

            let list = try await desk.send(.GET, "/api/v1/tickets", token: pat.token).decoded(CustomerTicketPage.self)
            #expect(list.tickets.map(\.id) == [patsTicket.id])
            let filtered = try await desk.send(.GET, "/api/v1/tickets?requester_email=sam@example.test", token: pat.token).decoded(CustomerTicketPage.self)
            #expect(filtered.tickets.isEmpty)
            _ = sam
        }
    }

    @Test func aCustomerCannotAddNotesSeeTheTimelineOrChangeTheTicket() async throws {
        try await TestDesk.run { desk in
            let pat = try await desk.customer(email: "pat@example.test")
            let agent = try await desk.staff(.agent)
            let response = try await desk.send(.POST, "/api/v1/tickets", token: pat.token, json: JSON.object([
                "subject": .string("Printer shows E3"), "body": .string("It stopped."),
                "requester": .object(["email": .string("someone-else@example.test")]),
            ]))
            let ticket = try response.decoded(CustomerTicketDTO.self)
            let asStaff = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)", token: agent.token).decoded(TicketDTO.self)
            #expect(asStaff.requester.email == "pat@example.test", "a customer opens tickets for themselves only")

            let note = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: ["body": "x", "visibility": "internal"])
            #expect(note.status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: pat.token).status == .forbidden)
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: pat.token, json: ["status": "closed"]).status == .forbidden)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: pat.token, json: ["note": "x"]).status == .forbidden)
            let reply = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: ["body": "Any news?"])
            #expect(reply.status == .created)
            #expect(try reply.decoded(CustomerMessageDTO.self).author.type == "customer")
        }
    }
}
