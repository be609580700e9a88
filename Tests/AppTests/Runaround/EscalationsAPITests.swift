@testable import App
import Foundation
import FrontlineCore
import Testing
import VaporTesting

@Suite("Escalations stay on the customer's channel")
struct EscalationsAPITests {
    func ticket(_ desk: TestDesk, channel: String, owner: (user: User, token: String)) async throws -> TicketDTO {
        let ticket = try await desk.createTicket(token: owner.token, extra: ["channel": .string(channel)])
        _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: owner.token, json: ["owner_id": try owner.user.requireID()])
        return ticket
    }

    @Test func anEmailTicketsEscalationIsAnsweredByAPublicReply() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let senior = try await desk.staff(.agent, name: "Senior")
            let ticket = try await ticket(desk, channel: "email", owner: alice)
            let created = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: [
                "to_user_id": .string(try senior.user.requireID().uuidString), "reason": "Customer asks for a manager", "target_minutes": 30,
            ] as [String: JSON])
            #expect(created.status == .created)
            let escalation = try created.decoded(EscalationsController.EscalationDTO.self)
            #expect(escalation.state == .open && escalation.channel == .email && escalation.ownerId == senior.user.id)
            #expect(try await desk.ticket(ticket.id, token: alice.token).ownerId == senior.user.id)
            let kinds = try await desk.events(of: ticket.id, token: alice.token).map(\.kind)
            #expect(kinds.contains("escalated") && kinds.contains("handed_off"))

            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: senior.token, json: ["body": "I am looking into it personally."])
            let answered = try await desk.send(.GET, "/api/v1/escalations?state=answered", token: alice.token).decoded(EscalationsController.EscalationList.self)
            #expect(answered.escalations.map(\.id) == [escalation.id])
            #expect(answered.escalations.first?.answeredBy == "public_reply")
            #expect(try await desk.scheduler.tick(now: Date().addingTimeInterval(3600)).breachedEscalations == 0)
        }
    }

    @Test func aPhoneTicketsEscalationIsNotAnsweredByEmailAndBreaches() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let lead = try await desk.staff(.lead)
            let manager = try await desk.staff(.manager)
            _ = try await desk.team("Phones", members: [alice.user, lead.user], manager: manager.token)
            let ticket = try await ticket(desk, channel: "phone", owner: alice)
            let escalation = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: [
                "reason": "Warranty dispute", "target_minutes": 60,
            ] as [String: JSON]).decoded(EscalationsController.EscalationDTO.self)
            #expect(escalation.ownerId == alice.user.id)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: alice.token, json: ["body": "Replying by email instead."])
            #expect(try await desk.send(.GET, "/api/v1/escalations?state=open", token: alice.token)
                .decoded(EscalationsController.EscalationList.self).escalations.count == 1)

            #expect(try await desk.scheduler.tick(now: escalation.dueAt.addingTimeInterval(-1)).breachedEscalations == 0)
            #expect(try await desk.scheduler.tick(now: escalation.dueAt.addingTimeInterval(1)).breachedEscalations == 1)
            #expect(try await desk.scheduler.tick(now: escalation.dueAt.addingTimeInterval(2)).breachedEscalations == 0)
            let breached = try await desk.send(.GET, "/api/v1/escalations?state=breached", token: lead.token).decoded(EscalationsController.EscalationList.self)
            #expect(breached.escalations.map(\.id) == [escalation.id])
            #expect(try await desk.events(of: ticket.id, token: alice.token).map(\.kind).contains("escalation_breached"))
            #expect(try await desk.notifications(token: lead.token).map(\.kind) == ["escalation_breached"])
            #expect(try await desk.notifications(token: alice.token).map(\.kind) == ["escalation_breached"])
        }
    }

    @Test func aCallbackPromiseAnswersAPhoneEscalation() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let ticket = try await ticket(desk, channel: "phone", owner: alice)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: ["reason": "Angry caller"])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token, json: [
                "kind": "callback", "description": "Manager calls at 15:00", "due_at": .string(Date().addingTimeInterval(1800).ISO8601Format()),
            ] as [String: JSON])
            let list = try await desk.send(.GET, "/api/v1/escalations", token: alice.token).decoded(EscalationsController.EscalationList.self)
            #expect(list.escalations.map(\.state) == [.answered])
            #expect(list.escalations.first?.answeredBy == "callback_promise")
            #expect(list.escalations.first?.targetMinutes == 60)
        }
    }

    @Test func badEscalationsAndRoles() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let customer = try await desk.customer(email: "pat@example.test")
            let ticket = try await ticket(desk, channel: "email", owner: alice)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: ["reason": " "]).status == .unprocessableEntity)
            let badTarget = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: ["reason": "x", "target_minutes": 0] as [String: JSON])
            #expect(badTarget.apiError?.field == "target_minutes")
            let badUser = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: alice.token, json: ["reason": "x", "to_user_id": .string(UUID().uuidString)] as [String: JSON])
            #expect(badUser.apiError?.field == "to_user_id")
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: customer.token, json: ["reason": "please"]).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/escalations", token: customer.token).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/escalations?state=lost", token: alice.token).status == .unprocessableEntity)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(UUID())/escalations", token: alice.token, json: ["reason": "x"]).status == .notFound)
        }
    }
}
