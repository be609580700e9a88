@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Editing a coaching session and closing its agreed actions: who may, what is checked, and that
/// overdue actions show on the session and in the coaching report.
@Suite("Coaching edits and agreed actions")
struct CoachingEditTests {
    private func session(_ f: PeopleFixture, actions: [(String, String)]) async throws -> CoachingSessionDTO {
        let response = try await f.desk.send(.POST, "/api/v1/coaching-sessions", token: f.lea.token, json: [
            "agent_id": .string(try f.ada.user.requireID().uuidString), "on": .string(PeopleFixture.today), "minutes": .number(30),
            "topics": .array([.string("holds")]), "notes": .string("Private: tone on hold."),
            "actions": .array(actions.map { .object(["description": .string($0.0), "due_on": .string($0.1)]) }),
        ] as [String: JSON])
        #expect(response.status == .created, "\(response.body.string)")
        return try response.decoded(CoachingSessionDTO.self)
    }

    @Test func theCoachAndManagersEditTheAgentAndOthersCannot() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let yesterday = Days.adding(-1, to: PeopleFixture.today)
            let created = try await session(f, actions: [("Give a wait time", yesterday), ("Read the refund policy", Days.adding(5, to: PeopleFixture.today))])
            let ticket = try await desk.createTicket(token: f.ada.token)
            let keep = created.actions[1].id

            let edited = try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.lea.token, json: [
                "minutes": .number(45), "topics": .array([.string("tone"), .string("holds")]), "notes": .string("Edited notes"),
                "ticket_ids": .array([.string(ticket.id.uuidString)]),
                "actions": .array([
                    .object(["id": .string(keep.uuidString), "description": .string("Read the refund policy twice"), "due_on": .string(yesterday)]),
                    .object(["description": .string("Shadow Ben for an hour"), "due_on": .string(Days.adding(3, to: PeopleFixture.today))]),
                ]),
            ] as [String: JSON])
            #expect(edited.status == .ok, "\(edited.body.string)")
            let dto = try edited.decoded(CoachingSessionDTO.self)
            #expect(dto.minutes == 45)
            #expect(dto.topics == ["holds", "tone"])
            #expect(dto.notes == "Edited notes")
            #expect(dto.ticketIds == [ticket.id])
            #expect(dto.actions.map(\.description) == ["Read the refund policy twice", "Shadow Ben for an hour"])
            #expect(dto.actions[0].id == keep)
            #expect(dto.actions.map(\.overdue) == [true, false])
            #expect(dto.overdueActions == 1)
            #expect(dto.on == PeopleFixture.today)  // left out, so unchanged

            // A manager may edit; blank notes clear them.
            let byManager = try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.manager.token, json: ["notes": " "])
            #expect(byManager.status == .ok)
            #expect(try byManager.decoded(CoachingSessionDTO.self).notes == nil)

            // The agent sees the session but may not edit it; other people do not see it at all.
            let byAgent = try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.ada.token, json: ["minutes": 5])
            #expect(byAgent.status == .forbidden)
            #expect(try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.ben.token, json: ["minutes": 5]).status == .notFound)
            #expect(try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.otherLead.token, json: ["minutes": 5]).status == .notFound)
            #expect(try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(created.id)", token: f.customer.token, json: ["minutes": 5]).status == .forbidden)
            #expect(try await desk.send(.PATCH, "/api/v1/coaching-sessions/\(UUID())", token: f.lea.token, json: ["minutes": 5]).status == .notFound)
            #expect(try await desk.send(.PATCH, "/api/v1/coaching-sessions/not-an-id", token: f.lea.token, json: ["minutes": 5]).status == .notFound)
            let stored = try #require(try await CoachingSession.find(created.id, on: desk.app.db))
            #expect(stored.minutes == 45)
        }
    }

    @Test func editsAreCheckedLikeANewSession() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let created = try await session(f, actions: [("Give a wait time", PeopleFixture.today)])
            let path = "/api/v1/coaching-sessions/\(created.id)"
            let cases: [([String: JSON], String)] = [
                (["minutes": .number(0)], "minutes"),
                (["minutes": .number(481)], "minutes"),
                (["on": .string("2026-02-30")], "on"),
                (["topics": .array([.string("  ")])], "topics"),
                (["ticket_ids": .array([.string(UUID().uuidString)])], "ticket_ids"),
                (["actions": .array([.object(["description": .string("No date")])])], "actions.due_on"),
                (["actions": .array([.object(["description": .string(""), "due_on": .string(PeopleFixture.today)])])], "actions.description"),
                (["actions": .array([.object(["id": .string(UUID().uuidString), "description": .string("x"), "due_on": .string(PeopleFixture.today)])])], "actions.id"),
            ]
            for (body, field) in cases {
                let response = try await desk.send(.PATCH, path, token: f.lea.token, json: body)
                #expect(response.status == .unprocessableEntity, "\(body): \(response.body.string)")
                #expect(response.apiError?.field == field, "\(body)")
            }
            #expect(try await desk.send(.PATCH, path, token: f.lea.token, raw: "{\"minutes\": \"many\"}").status.code < 500)
            // Nothing of the refused edits was kept.
            let dto = try await desk.send(.GET, path, token: f.lea.token).decoded(CoachingSessionDTO.self)
            #expect(dto.minutes == 30)
            #expect(dto.actions.map(\.description) == ["Give a wait time"])

            // A new session's actions need a due date too.
            let undated = try await desk.send(.POST, "/api/v1/coaching-sessions", token: f.lea.token, json: [
                "agent_id": .string(try f.ada.user.requireID().uuidString), "on": .string(PeopleFixture.today), "minutes": .number(30),
                "actions": .array([.object(["description": .string("Someday")])]),
            ] as [String: JSON])
            #expect(undated.status == .unprocessableEntity)
            #expect(undated.apiError?.field == "actions.due_on")
        }
    }

    @Test func coachOrAgentClosesAnActionOnceAndOverdueOnesShowInTheReport() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let lastWeek = Days.adding(-7, to: PeopleFixture.today)
            let created = try await session(f, actions: [("Give a wait time", lastWeek), ("Use the hold template", lastWeek)])
            let first = created.actions[0].id
            let second = created.actions[1].id
            #expect(created.overdueActions == 2)

            let report = try await desk.send(.GET, "/api/v1/reports/coaching", token: f.lea.token).decoded(CoachingReport.self)
            #expect(report.overdueActions.map(\.description) == ["Give a wait time", "Use the hold template"])
            #expect(report.overdueActions.map(\.agentName) == ["Ada Agent", "Ada Agent"])
            #expect(try await desk.send(.GET, "/api/v1/reports/coaching", token: f.otherLead.token).decoded(CoachingReport.self).overdueActions.isEmpty)

            let done = "/api/v1/coaching-sessions/\(created.id)/actions/\(first)/done"
            #expect(try await desk.send(.POST, done, token: f.manager.token).status == .forbidden)
            #expect(try await desk.send(.POST, done, token: f.ben.token).status == .notFound)
            #expect(try await desk.send(.POST, "/api/v1/coaching-sessions/\(created.id)/actions/\(UUID())/done", token: f.ada.token).status == .notFound)
            let byAgent = try await desk.send(.POST, done, token: f.ada.token)
            #expect(byAgent.status == .ok, "\(byAgent.body.string)")
            let closed = try byAgent.decoded(CoachingSessionDTO.self)
            #expect(closed.actions[0].doneBy == f.ada.user.id)
            #expect(closed.actions[0].overdue == false)
            #expect(closed.overdueActions == 1)
            let doneAt = try #require(closed.actions[0].doneAt)

            // Again, by the coach: the first who and when stand.
            let again = try await desk.send(.POST, done, token: f.lea.token).decoded(CoachingSessionDTO.self)
            #expect(again.actions[0].doneBy == f.ada.user.id)
            #expect(again.actions[0].doneAt == doneAt)
            #expect(try await desk.send(.POST, "/api/v1/coaching-sessions/\(created.id)/actions/\(second)/done", token: f.lea.token)
                .decoded(CoachingSessionDTO.self).actions[1].doneBy == f.lea.user.id)
            let after = try await desk.send(.GET, "/api/v1/reports/coaching", token: f.manager.token).decoded(CoachingReport.self)
            #expect(after.overdueActions.isEmpty)
        }
    }

    @Test func theAgentAcknowledgesAndAddsTheirOwnView() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let created = try await session(f, actions: [])
            let path = "/api/v1/coaching-sessions/\(created.id)/acknowledge"
            let first = try await desk.send(.POST, path, token: f.ada.token, json: ["agent_view": "I think holds were fine."]).decoded(CoachingSessionDTO.self)
            #expect(first.agentView == "I think holds were fine.")
            let acknowledgedAt = try #require(first.acknowledgedAt)
            // Changing the view later keeps the first acknowledgement time.
            let second = try await desk.send(.POST, path, token: f.ada.token, json: ["agent_view": "On reflection, I agree."]).decoded(CoachingSessionDTO.self)
            #expect(second.agentView == "On reflection, I agree.")
            #expect(second.acknowledgedAt == acknowledgedAt)
            let tooLong = try await desk.send(.POST, path, token: f.ada.token, json: ["agent_view": String(repeating: "x", count: 10_001)])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.apiError?.field == "agent_view")
        }
    }
}
