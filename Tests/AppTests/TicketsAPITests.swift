@testable import App
import FrontlineCore
import Testing
import VaporTesting

@Suite("Tickets API")
struct TicketsAPITests {
    @Test func creatingATicketFindsOrCreatesTheRequesterAndRecordsTheFirstMessage() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let first = try await desk.createTicket(token: agent.token, email: "Pat@Example.test", extra: ["tags": .array([.string("Printer"), .string("printer")]), "priority": .string("high")])
            #expect(first.number == 1001)
            #expect(first.status == .new)
            #expect(first.priority == .high)
            #expect(first.channel == .api)
            #expect(first.tags == ["printer"])
            #expect(first.handoffCount == 0)
            #expect(first.ownerId == nil)

            // The same address in another case is the same customer.
            let second = try await desk.createTicket(token: agent.token, email: "pat@EXAMPLE.test")
            #expect(second.number == 1002)
            #expect(second.requester.id == first.requester.id)

            let messages = try await desk.send(.GET, "/api/v1/tickets/\(first.id)/messages", token: agent.token).decoded(MessageList.self)
            #expect(messages.messages.map(\.body) == ["It stopped printing after the update."])
            #expect(messages.messages.first?.author.type == "customer")

            let events = try await desk.send(.GET, "/api/v1/tickets/\(first.id)/events", token: agent.token).decoded(EventList.self)
            #expect(events.events.map(\.kind) == ["created", "message_added"])
            #expect(events.events.first?.actor.id == agent.user.id)
        }
    }

    @Test func updatesRecordBeforeAndAfterForEachFieldThatChanged() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            let patch: [String: JSON] = [
                "status": .string("pending"), "priority": .string("urgent"), "tags": .array([.string("vip")]),
                "custom_fields": .object(["order_id": .string("58213"), "units": .number(2)]),
            ]
            let response = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: patch)
            #expect(response.status == .ok)
            let updated = try response.decoded(TicketDTO.self)
            #expect(updated.status == .pending)
            #expect(updated.priority == .urgent)
            #expect(updated.tags == ["vip"])
            // Custom field names are the customer's own: never rewritten.
            #expect(updated.customFields == .object(["order_id": .string("58213"), "units": .number(2)]))

            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: agent.token).decoded(EventList.self).events
            let status = try #require(events.first { $0.kind == "status_changed" })
            #expect(status.data == .object(["before": .string("new"), "after": .string("pending")]))
            let priority = try #require(events.first { $0.kind == "priority_changed" })
            #expect(priority.data == .object(["before": .string("normal"), "after": .string("urgent")]))
            #expect(events.contains { $0.kind == "tagged" })
            #expect(events.contains { $0.kind == "custom_fields_changed" })

            // Sending the same values again changes nothing and records nothing.
            _ = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: patch)
            let again = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: agent.token).decoded(EventList.self).events
            #expect(again.count == events.count)
        }
    }

    @Test func aClosedTicketCannotChange() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            _ = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: ["status": "closed"])
            let reply = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: ["body": "hello?"])
            #expect(reply.status == .conflict)
            #expect(reply.apiError?.code == "ticket_closed")
            let reopen = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: ["status": "open"])
            #expect(reopen.status == .conflict)
        }
    }

    @Test func aTicketIsNewOnlyUntilSomeoneTouchesIt() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            _ = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: ["status": "open"])
            let back = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: agent.token, json: ["status": "new"])
            #expect(back.status == .unprocessableEntity)
            #expect(back.apiError?.code == "invalid_status_change")
            #expect(back.apiError?.field == "status")
        }
    }

    @Test func theFirstPublicStaffReplyIsTheFirstResponseAndACustomerReplyReopens() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let customer = try await desk.customer()
            let ticket = try await desk.createCustomerTicket(token: customer.token)
            let note = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: ["body": "checking logs", "visibility": "internal"])
            #expect(note.status == .created)
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)", token: agent.token).decoded(TicketDTO.self).firstResponseAt == nil)

            let reply = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: ["body": "Fixed, please check.", "status": "solved"])
            #expect(reply.status == .created)
            let solved = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)", token: agent.token).decoded(TicketDTO.self)
            #expect(solved.status == .solved)
            #expect(solved.firstResponseAt != nil)
            #expect(solved.solvedAt != nil)

            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: customer.token, json: ["body": "Still broken."])
            let reopened = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)", token: agent.token).decoded(TicketDTO.self)
            #expect(reopened.status == .open)
            #expect(reopened.solvedAt == nil)
            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: agent.token).decoded(EventList.self).events
            #expect(events.contains { $0.kind == "status_changed" && $0.data == .object(["before": .string("solved"), "after": .string("open"), "reopened": .bool(true)]) })
        }
    }

    @Test func listFiltersAndPagesStablyWhileTicketsArrive() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            var created: [TicketDTO] = []
            for index in 0..<7 {
                created.append(try await desk.createTicket(
                    token: agent.token, subject: "Ticket \(index)", email: index.isMultiple(of: 2) ? "even@example.test" : "odd@example.test",
                    extra: ["tags": .array([.string(index < 3 ? "early" : "late")])]))
            }
            let page1 = try await desk.send(.GET, "/api/v1/tickets?limit=3", token: agent.token).decoded(TicketPage.self)
            #expect(page1.tickets.map(\.number) == [1007, 1006, 1005])
            let cursor = try #require(page1.nextCursor)

            // New tickets arrive between pages: the next page is unaffected.
            _ = try await desk.createTicket(token: agent.token, subject: "Late arrival")
            let page2 = try await desk.send(.GET, "/api/v1/tickets?limit=3&cursor=\(cursor)", token: agent.token).decoded(TicketPage.self)
            #expect(page2.tickets.map(\.number) == [1004, 1003, 1002])
            let page3 = try await desk.send(.GET, "/api/v1/tickets?limit=3&cursor=\(try #require(page2.nextCursor))", token: agent.token).decoded(TicketPage.self)
            #expect(page3.tickets.map(\.number) == [1001])
            #expect(page3.nextCursor == nil)

            let even = try await desk.send(.GET, "/api/v1/tickets?requester_email=EVEN@example.test", token: agent.token).decoded(TicketPage.self)
            #expect(even.tickets.map(\.number) == [1007, 1005, 1003, 1001])
            let early = try await desk.send(.GET, "/api/v1/tickets?tag=early", token: agent.token).decoded(TicketPage.self)
            #expect(early.tickets.map(\.number) == [1003, 1002, 1001])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(created[0].id)/assign", token: agent.token, json: ["owner_id": agent.user.id])
            let mine = try await desk.send(.GET, "/api/v1/tickets?owner_id=\(try #require(agent.user.id))&status=open", token: agent.token).decoded(TicketPage.self)
            #expect(mine.tickets.map(\.number) == [1001])
            let nobody = try await desk.send(.GET, "/api/v1/tickets?requester_email=nobody@example.test", token: agent.token).decoded(TicketPage.self)
            #expect(nobody.tickets.isEmpty)
        }
    }
}
