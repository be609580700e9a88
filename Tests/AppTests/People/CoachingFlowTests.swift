@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// A ticket goes to the coaching queue, is discussed in a session with agreed actions, and the
/// agent acknowledges the session with their own view.
@Suite("Coaching flow")
struct CoachingFlowTests {
    @Test func queueSessionAndAcknowledgement() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let ticket = try await desk.createTicket(token: f.ada.token)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: f.ada.token, json: ["owner_id": ada.uuidString]).status == .ok)

            let queued = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/coaching-queue", token: f.ben.token,
                                             json: ["reason": "Customer was put on hold without a time"])
            #expect(queued.status == .created, "\(queued.body.string)")
            let item = try queued.decoded(CoachingQueueController.QueueItemDTO.self)
            #expect((item.agentId, item.ticketNumber, item.sessionId) == (ada, ticket.number, nil))
            #expect(try await desk.send(.GET, "/api/v1/coaching-queue", token: f.ben.token).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/coaching-queue", token: f.otherLead.token)
                .decoded(CoachingQueueController.QueueList.self).items.isEmpty)
            #expect(try await desk.send(.GET, "/api/v1/coaching-queue", token: f.lea.token)
                .decoded(CoachingQueueController.QueueList.self).items.map(\.id) == [item.id])

            let created = try await desk.send(.POST, "/api/v1/coaching-sessions", token: f.lea.token, json: [
                "agent_id": .string(ada.uuidString), "on": .string(PeopleFixture.today), "minutes": .number(40),
                "topics": .array([.string("holds"), .string("de-escalation")]), "ticket_ids": .array([.string(ticket.id.uuidString)]),
                "notes": .string("Tell the customer how long the hold will be."),
                "actions": .array([.object(["description": .string("Give a wait time before every hold"), "due_on": .string(Days.adding(7, to: PeopleFixture.today))])]),
            ] as [String: JSON])
            #expect(created.status == .created, "\(created.body.string)")
            let session = try created.decoded(CoachingSessionDTO.self)
            #expect(session.topics == ["de-escalation", "holds"])
            #expect(session.ticketIds == [ticket.id])
            #expect(session.actions.map(\.description) == ["Give a wait time before every hold"])
            #expect(session.acknowledgedAt == nil)

            // Discussed: the queue is empty unless discussed items are asked for.
            #expect(try await desk.send(.GET, "/api/v1/coaching-queue", token: f.lea.token).decoded(CoachingQueueController.QueueList.self).items.isEmpty)
            let discussed = try await desk.send(.GET, "/api/v1/coaching-queue?include=discussed", token: f.manager.token).decoded(CoachingQueueController.QueueList.self)
            #expect(discussed.items.map(\.sessionId) == [session.id])

            // Only the agent acknowledges.
            let byCoach = try await desk.send(.POST, "/api/v1/coaching-sessions/\(session.id)/acknowledge", token: f.lea.token, json: [String: String]())
            #expect(byCoach.status == .forbidden)
            #expect(try await desk.send(.POST, "/api/v1/coaching-sessions/\(session.id)/acknowledge", token: f.ben.token, json: [String: String]()).status == .notFound)
            let acknowledged = try await desk.send(.POST, "/api/v1/coaching-sessions/\(session.id)/acknowledge", token: f.ada.token,
                                                   json: ["agent_view": "Fair; I did not know the usual wait."]).decoded(CoachingSessionDTO.self)
            #expect(acknowledged.acknowledgedAt != nil)
            #expect(acknowledged.agentView == "Fair; I did not know the usual wait.")

            // A lead coaches only their own teams.
            let otherTeam = try await desk.send(.POST, "/api/v1/coaching-sessions", token: f.otherLead.token, json: [
                "agent_id": .string(ada.uuidString), "on": .string(PeopleFixture.today), "minutes": .number(30),
            ] as [String: JSON])
            #expect(otherTeam.status == .forbidden)
            let tooLong = try await desk.send(.POST, "/api/v1/coaching-sessions", token: f.lea.token, json: [
                "agent_id": .string(ada.uuidString), "on": .string(PeopleFixture.today), "minutes": .number(600),
            ] as [String: JSON])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.apiError?.field == "minutes")
        }
    }

    @Test func dutyLogLifecycle() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let monthly = try await f.duty(f.ada.token, name: "Month-end", cadence: "monthly", minutes: 520, category: "office", requestedBy: "Finance")
            #expect(monthly.minutesPerWeek == 120)
            #expect(monthly.requestedBy == "Finance")
            let adHoc = try await f.duty(f.ada.token, name: "Uniforms", cadence: "ad_hoc", minutes: 45, category: "office")
            #expect(adHoc.minutesPerWeek == nil)
            let changed = try await desk.send(.PATCH, "/api/v1/duties/\(monthly.id)", token: f.lea.token,
                                              json: ["requested_by": "own_team", "ended_on": PeopleFixture.today]).decoded(DutyDTO.self)
            #expect(changed.requestedBy == nil)
            #expect(changed.endedOn == PeopleFixture.today)
            let badEnd = try await desk.send(.PATCH, "/api/v1/duties/\(monthly.id)", token: f.ada.token,
                                             json: ["ended_on": Days.adding(-400, to: PeopleFixture.today)])
            #expect(badEnd.status == .unprocessableEntity)
            #expect(badEnd.apiError?.field == "ended_on")
            #expect(try await desk.send(.POST, "/api/v1/duties/\(adHoc.id)/occurrences", token: f.ada.token, json: ["on": PeopleFixture.today]).status == .created)
            let occurrences = try await desk.send(.GET, "/api/v1/duties/\(adHoc.id)/occurrences", token: f.manager.token).decoded(DutiesController.OccurrenceList.self)
            #expect(occurrences.occurrences.map(\.on) == [PeopleFixture.today])
            let mine = try await desk.send(.GET, "/api/v1/duties", token: f.ada.token).decoded(DutiesController.DutyList.self)
            #expect(mine.duties.count == 2)
            let bens = try await desk.send(.GET, "/api/v1/duties", token: f.ben.token).decoded(DutiesController.DutyList.self)
            #expect(bens.duties.isEmpty)
            #expect(try await desk.send(.DELETE, "/api/v1/duties/\(adHoc.id)", token: f.ben.token).status == .forbidden)
            #expect(try await desk.send(.DELETE, "/api/v1/duties/\(adHoc.id)", token: f.ada.token).status == .noContent)
            #expect(try await desk.send(.GET, "/api/v1/duties/\(adHoc.id)", token: f.ada.token).status == .notFound)
        }
    }
}
