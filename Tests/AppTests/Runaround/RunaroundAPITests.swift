@testable import App
import Foundation
import FrontlineCore
import Testing
import VaporTesting

@Suite("Runaround index and alerts")
struct RunaroundAPITests {
    @Test func threeHandoffsFlagTheTicketOnceAndTheListsShowIt() async throws {
        try await TestDesk.run { desk in
            let agents = [try await desk.staff(.agent), try await desk.staff(.agent), try await desk.staff(.agent), try await desk.staff(.agent)]
            let lead = try await desk.staff(.lead)
            let calm = try await desk.createTicket(token: agents[0].token, subject: "Calm")
            let ticket = try await desk.createTicket(token: agents[0].token, subject: "Bounced")
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: agents[0].token, json: ["owner_id": try agents[0].user.requireID()])
            var shown = try await desk.ticket(ticket.id, token: agents[0].token)
            #expect(shown.runaround.distinctOwners == 1 && shown.runaround.customerContacts == 1 && !shown.runaround.flagged)
            for index in 1...3 {
                let handed = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: agents[index - 1].token, json: [
                    "to_user_id": .string(try agents[index].user.requireID().uuidString), "note": .string("Over to you (\(index))"),
                ] as [String: JSON])
                #expect(handed.status == .ok)
            }
            shown = try await desk.ticket(ticket.id, token: lead.token)
            #expect(shown.runaround.handoffs == 3)
            #expect(shown.runaround.distinctOwners == 4)
            // 3 hand-offs × 1.0 + 3 extra owners × 0.5
            #expect(shown.runaround.index == 4.5)
            #expect(shown.runaround.flagged)
            #expect(shown.runaround.reasons == ["3 hand-offs (alert at 3)"])
            let flaggedEvents = try await desk.events(of: ticket.id, token: lead.token).filter { $0.kind == "runaround_flagged" }
            #expect(flaggedEvents.count == 1)

            let filtered = try await desk.send(.GET, "/api/v1/tickets?flagged=runaround", token: agents[0].token).decoded(TicketPage.self)
            #expect(filtered.tickets.map(\.id) == [ticket.id])
            #expect(try await desk.send(.GET, "/api/v1/tickets?flagged=maybe", token: agents[0].token).status == .unprocessableEntity)
            let runaround = try await desk.send(.GET, "/api/v1/runaround", token: lead.token).decoded(TicketPage.self)
            #expect(runaround.tickets.map(\.id) == [ticket.id])
            #expect(!runaround.tickets.map(\.id).contains(calm.id))
            #expect(try await desk.send(.GET, "/api/v1/runaround", token: agents[0].token).status == .forbidden)
        }
    }

    @Test func customerContactsAndChannelSwitchesAndReopeningsCount() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let pat = try await desk.customer(email: "pat@example.test")
            let ticket = try await desk.createTicket(token: agent.token, email: "pat@example.test", extra: ["channel": "email"])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: ["body": "Fixed?", "status": "solved"])
            // The customer writes again through the API: a reopening and a switch from email.
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: ["body": "No, still broken."])
            let shown = try await desk.ticket(ticket.id, token: agent.token)
            #expect(shown.runaround.customerContacts == 2)
            #expect(shown.runaround.channelSwitches == 1)
            #expect(shown.runaround.reopenings == 1)
            #expect(shown.runaround.index == 0.5 + 1.0 + 1.5)
            #expect(shown.status == .open)
        }
    }
}
