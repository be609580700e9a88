@testable import App
import Foundation
import FrontlineCore
import Testing
import VaporTesting

@Suite("SLA policies, business calendars and clocks")
struct SLAAPITests {
    let weekdays: [String: JSON] = [
        "name": "Berlin office", "time_zone": "Europe/Berlin",
        "weekly_hours": .object(Dictionary(uniqueKeysWithValues: ["monday", "tuesday", "wednesday", "thursday", "friday"].map {
            ($0, JSON.array([.object(["start": "09:00", "end": "17:00"])]))
        })),
        "holidays": .array([.object(["date": "2026-12-25", "recurs_yearly": true, "name": "Christmas Day"])]),
    ]

    @Test func calendarsAreManagedByManagersAndValidated() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let agent = try await desk.staff(.agent)
            let customer = try await desk.customer()
            #expect(try await desk.send(.POST, "/api/v1/business-calendars", token: agent.token, json: weekdays).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/business-calendars", token: customer.token).status == .forbidden)
            let created = try await desk.send(.POST, "/api/v1/business-calendars", token: manager.token, json: weekdays)
            #expect(created.status == .created)
            let calendar = try created.decoded(BusinessCalendarsController.CalendarDTO.self)
            #expect(calendar.calendar.timeZoneIdentifier == "Europe/Berlin")
            #expect(calendar.calendar.holidays.first?.recursYearly == true)
            var bad = weekdays
            bad["time_zone"] = "Mars/Olympus"
            let refused = try await desk.send(.POST, "/api/v1/business-calendars", token: manager.token, json: bad)
            #expect(refused.status == .unprocessableEntity)
            var badHours = weekdays
            badHours["weekly_hours"] = .object(["monday": .array([.object(["start": "18:00", "end": "09:00"])])])
            #expect(try await desk.send(.POST, "/api/v1/business-calendars", token: manager.token, json: badHours).status == .unprocessableEntity)
            #expect(try await desk.send(.GET, "/api/v1/business-calendars/\(calendar.id)", token: agent.token).status == .ok)
            var renamed = weekdays
            renamed["name"] = "Berlin"
            let updated = try await desk.send(.PATCH, "/api/v1/business-calendars/\(calendar.id)", token: manager.token, json: renamed)
            #expect(try updated.decoded(BusinessCalendarsController.CalendarDTO.self).name == "Berlin")

            let policy = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
                "name": "Office hours", "first_response_minutes": 60, "calendar_id": .string(calendar.id.uuidString),
            ] as [String: JSON])
            #expect(policy.status == .created)
            #expect(try await desk.send(.DELETE, "/api/v1/business-calendars/\(calendar.id)", token: manager.token).status == .conflict)
            let policyId = try policy.decoded(SLAPoliciesController.PolicyDTO.self).id
            #expect(try await desk.send(.DELETE, "/api/v1/sla-policies/\(policyId)", token: agent.token).status == .forbidden)
            #expect(try await desk.send(.DELETE, "/api/v1/sla-policies/\(policyId)", token: manager.token).status == .noContent)
            #expect(try await desk.send(.DELETE, "/api/v1/business-calendars/\(calendar.id)", token: manager.token).status == .noContent)
            #expect(try await desk.send(.GET, "/api/v1/business-calendars/\(calendar.id)", token: agent.token).status == .notFound)
        }
    }

    @Test func policiesAreValidatedAndTheMostSpecificApplies() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let noTargets = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: ["name": "Empty"])
            #expect(noTargets.status == .unprocessableEntity)
            let badPriority = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: ["name": "X", "priority": "meh", "first_response_minutes": 5] as [String: JSON])
            #expect(badPriority.status == .unprocessableEntity)
            _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
                "name": "Default", "first_response_minutes": 240, "resolution_minutes": 2880,
            ] as [String: JSON])
            _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
                "name": "Urgent", "priority": "urgent", "first_response_minutes": 30, "next_response_minutes": 60, "resolution_minutes": 480, "warning_minutes": 10,
            ] as [String: JSON])
            let before = Date()
            let normal = try await desk.createTicket(token: manager.token, subject: "Normal")
            let urgent = try await desk.createTicket(token: manager.token, subject: "Urgent", extra: ["priority": "urgent"])
            #expect(normal.sla.policy == "Default")
            #expect(urgent.sla.policy == "Urgent")
            let first = try #require(urgent.sla.firstResponse)
            #expect(first.state == .running && first.targetMinutes == 30)
            let due = try #require(first.dueAt)
            #expect(due.timeIntervalSince(before) >= 30 * 60 && due.timeIntervalSince(before) < 31 * 60)
            #expect(urgent.sla.nextResponse == nil)
            #expect(urgent.sla.resolution?.targetMinutes == 480)

            // Warning 10 minutes before, breach at the due time, each once.
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(-11 * 60)).slaWarnings == 0)
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(-9 * 60)).slaWarnings == 1)
            let breach = try await desk.scheduler.tick(now: due.addingTimeInterval(1))
            #expect(breach.slaBreaches == 1 && breach.slaWarnings == 0)
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(2)).slaBreaches == 0)
            let kinds = try await desk.events(of: urgent.id, token: manager.token).map(\.kind)
            #expect(kinds.filter { $0 == "sla_warning" }.count == 1 && kinds.filter { $0 == "sla_breached" }.count == 1)
            let shown = try await desk.ticket(urgent.id, token: manager.token)
            #expect(shown.sla.firstResponse?.state == .breached)
        }
    }

    @Test func aReplyMeetsTheTargetAndPendingPausesTheClock() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let pat = try await desk.customer(email: "pat@example.test")
            _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
                "name": "Standard", "first_response_minutes": 60, "next_response_minutes": 120, "resolution_minutes": 600,
            ] as [String: JSON])
            let ticket = try await desk.createTicket(token: manager.token, email: "pat@example.test")
            let replied = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: manager.token, json: ["body": "Please send a photo.", "status": "pending"])
            #expect(replied.status == .created)
            var shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.firstResponse?.state == .met)
            #expect(shown.sla.resolution?.state == .paused)
            #expect(shown.sla.resolution?.dueAt == nil)
            // Nothing breaches while paused.
            #expect(try await desk.scheduler.tick(now: Date().addingTimeInterval(86_400)).slaBreaches == 0)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: ["body": "Here it is."])
            shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.resolution?.state == .running)
            #expect(shown.sla.resolution?.dueAt != nil)
            #expect(shown.sla.nextResponse?.state == .running)
            #expect(shown.sla.nextResponse?.targetMinutes == 120)
        }
    }

    @Test func aPriorityOrTagChangeReChoosesThePolicyFromTheTicketsCreation() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            for policy: [String: JSON] in [
                ["name": "Default", "first_response_minutes": 240, "resolution_minutes": 2880],
                ["name": "Urgent", "priority": "urgent", "first_response_minutes": 30, "next_response_minutes": 60, "resolution_minutes": 480],
                ["name": "Recall", "tag": "recall", "first_response_minutes": 15],
            ] {
                #expect(try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: policy).status == .created)
            }
            let ticket = try await desk.createTicket(token: manager.token, subject: "Printer smokes")
            #expect(ticket.sla.policy == "Default")

            // Urgent now: the same clocks, measured against the urgent targets from the ticket's creation.
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["priority": "urgent"]).status == .ok)
            var shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.policy == "Urgent")
            let first = try #require(shown.sla.firstResponse)
            #expect(first.targetMinutes == 30 && first.state == .running)
            #expect(abs(first.startedAt.timeIntervalSince(ticket.createdAt)) < 0.01)
            #expect(abs(try #require(first.dueAt).timeIntervalSince(ticket.createdAt) - 30 * 60) < 0.01)
            #expect(shown.sla.resolution?.targetMinutes == 480)

            // The tag policy is more specific and measures no resolution: that clock stops being measured.
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["tags": ["recall"]]).status == .ok)
            shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.policy == "Recall")
            #expect(shown.sla.firstResponse?.targetMinutes == 15)
            #expect(shown.sla.resolution == nil)

            // A change that keeps the same policy records nothing; dropping the tag brings resolution back.
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["priority": "high"]).status == .ok)
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["tags": [JSON]()]).status == .ok)
            shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.policy == "Default")
            #expect(shown.sla.firstResponse?.targetMinutes == 240)
            #expect(shown.sla.resolution?.targetMinutes == 2880)
            #expect(abs(try #require(shown.sla.resolution?.startedAt).timeIntervalSince(ticket.createdAt)) < 0.01)

            let changes = try await desk.events(of: ticket.id, token: manager.token).filter { $0.kind == "sla_policy_changed" }
            #expect(changes.map(\.data) == [
                .object(["before": .string("Default"), "after": .string("Urgent")]),
                .object(["before": .string("Urgent"), "after": .string("Recall")]),
                .object(["before": .string("Recall"), "after": .string("Default")]),
            ])
        }
    }

    @Test func aBreachStaysWhenTheNewPolicyWouldHaveAllowedMoreTime() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            for policy: [String: JSON] in [
                ["name": "Default", "first_response_minutes": 240],
                ["name": "Urgent", "priority": "urgent", "first_response_minutes": 30],
            ] {
                _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: policy)
            }
            let ticket = try await desk.createTicket(token: manager.token, extra: ["priority": "urgent"])
            let due = try #require(ticket.sla.firstResponse?.dueAt)
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(1)).slaBreaches == 1)
            #expect(try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: manager.token, json: ["priority": "normal"]).status == .ok)
            let shown = try await desk.ticket(ticket.id, token: manager.token)
            #expect(shown.sla.firstResponse?.state == .breached)
            #expect(shown.sla.firstResponse?.targetMinutes == 30)
        }
    }
}
