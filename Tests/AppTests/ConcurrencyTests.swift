@testable import App
import FrontlineCore
import Testing
import VaporTesting

/// Concurrent writers never lose or duplicate anything.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func sixtyFourParallelCreationsYieldSixtyFourDistinctNumbers() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        // Half of them from one new customer: find-or-create must not duplicate them.
                        let email = index.isMultiple(of: 2) ? "same@example.test" : "c\(index)@example.test"
                        return try await desk.createTicket(token: agent.token, subject: "Parallel \(index)", email: email).number
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.count == 64)
            #expect(Set(numbers).count == 64)
            #expect(Set(numbers) == Set(1001...1064))
            let sameCustomer = try await desk.send(.GET, "/api/v1/customers?email=same@example.test", token: agent.token)
                .decoded(CustomersController.CustomerPage.self)
            #expect(sameCustomer.customers.count == 1)
        }
    }

    @Test func sixtyFourParallelMessagesOnOneTicketAreAllKept() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let response = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: [
                            "body": "Message \(index)", "visibility": index.isMultiple(of: 2) ? "public" : "internal",
                        ])
                        #expect(response.status == .created)
                    }
                }
                try await group.waitForAll()
            }
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token).decoded(MessageList.self).messages
            #expect(messages.count == 65)
            #expect(Set(messages.map(\.body)).count == 65)
            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: agent.token).decoded(EventList.self).events
            let messageEvents = events.filter { $0.kind == "message_added" || $0.kind == "note_added" }
            #expect(messageEvents.count == 65)
            #expect(events.map(\.id) == events.map(\.id).sorted(), "the timeline reads in order")
        }
    }
}
