@testable import App
import FrontlineCore
import Testing
import VaporTesting

@Suite("Single owner and warm hand-offs")
struct HandoffTests {
    @Test func aTicketHasOneOwnerAndChangingItIsAHandoff() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent, name: "Alice")
            let bob = try await desk.staff(.agent, name: "Bob")
            let ticket = try await desk.createTicket(token: alice.token)

            let assigned = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: alice.token, json: ["owner_id": alice.user.id])
            #expect(assigned.status == .ok)
            let owned = try assigned.decoded(TicketDTO.self)
            #expect(owned.ownerId == alice.user.id)
            #expect(owned.status == .open)

            let second = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: bob.token, json: ["owner_id": bob.user.id])
            #expect(second.status == .conflict)
            #expect(second.apiError?.code == "already_owned")
        }
    }

    @Test(arguments: [nil, "", "   \n\t "])
    func aHandoffWithoutAContextNoteIsRefused(note: String?) async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let bob = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: alice.token)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: alice.token, json: ["owner_id": alice.user.id])
            var payload: [String: JSON] = ["to_user_id": .string(try #require(bob.user.id).uuidString)]
            if let note { payload["note"] = .string(note) }
            let response = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: alice.token, json: payload)
            #expect(response.status == .unprocessableEntity)
            #expect(response.apiError?.field == "note")
            let unchanged = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)", token: alice.token).decoded(TicketDTO.self)
            #expect(unchanged.ownerId == alice.user.id)
            #expect(unchanged.handoffCount == 0)
        }
    }

    @Test func handoffsCarryTheNoteCountAndRecordFromAndTo() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent, name: "Alice")
            let bob = try await desk.staff(.agent, name: "Bob")
            let manager = try await desk.staff(.manager)
            let billing = try await desk.send(.POST, "/api/v1/teams", token: manager.token, json: ["name": "Billing"]).decoded(TeamDTO.self)
            let ticket = try await desk.createTicket(token: alice.token)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: alice.token, json: ["owner_id": alice.user.id])

            let toBob = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: alice.token, json: [
                "to_user_id": .string(try #require(bob.user.id).uuidString), "note": .string("  E3 after firmware 4.2; customer needs it by 15:00.  "),
            ] as [String: JSON])
            #expect(toBob.status == .ok)
            #expect(try toBob.decoded(TicketDTO.self).handoffCount == 1)

            let toTeam = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: bob.token, json: [
                "to_team_id": .string(billing.id.uuidString), "note": .string("Refund needed for the duplicate charge."),
            ] as [String: JSON])
            let inBilling = try toTeam.decoded(TicketDTO.self)
            #expect(inBilling.handoffCount == 2)
            #expect(inBilling.teamId == billing.id)
            #expect(inBilling.ownerId == nil, "a team hand-off leaves the ticket in the team's queue")

            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: alice.token).decoded(EventList.self).events
            let handoffs = events.filter { $0.kind == "handed_off" }
            #expect(handoffs.count == 2)
            guard case .object(let first) = handoffs[0].data else { Issue.record("hand-off data is not an object"); return }
            #expect(first["note"] == .string("E3 after firmware 4.2; customer needs it by 15:00."))
            #expect(first["before"] == .object(["owner_id": .string(try #require(alice.user.id).uuidString), "owner_name": .string("Alice"), "team_id": .null]))
            #expect(first["after"] == .object(["owner_id": .string(try #require(bob.user.id).uuidString), "owner_name": .string("Bob"), "team_id": .null]))
            #expect(handoffs[0].actor.id == alice.user.id)

            let same = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: bob.token, json: [
                "to_team_id": .string(billing.id.uuidString), "note": .string("again"),
            ] as [String: JSON])
            #expect(same.status == .unprocessableEntity)
            #expect(same.apiError?.code == "handoff_to_current_owner")
        }
    }

    @Test func movingARoutedTicketToAnotherTeamThroughPatchIsRefused() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let teamA = try await desk.send(.POST, "/api/v1/teams", token: manager.token, json: ["name": "A"]).decoded(TeamDTO.self)
            let teamB = try await desk.send(.POST, "/api/v1/teams", token: manager.token, json: ["name": "B"]).decoded(TeamDTO.self)
            let ticket = try await desk.createTicket(token: manager.token)
            let route = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["team_id": teamA.id])
            #expect(try route.decoded(TicketDTO.self).teamId == teamA.id)
            let move = try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["team_id": teamB.id])
            #expect(move.status == .unprocessableEntity)
            #expect(move.apiError?.code == "team_change_is_handoff")
        }
    }
}
