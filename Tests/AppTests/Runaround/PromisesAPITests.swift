@testable import App
import Foundation
import FrontlineCore
import Testing
import VaporTesting

@Suite("Promises on a clock")
struct PromisesAPITests {
    /// A ticket owned by `owner`.
    func ownedTicket(_ desk: TestDesk, owner: (user: User, token: String), email: String = "pat@example.test") async throws -> TicketDTO {
        let ticket = try await desk.createTicket(token: owner.token, email: email)
        let assigned = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: owner.token, json: ["owner_id": try owner.user.requireID()])
        #expect(assigned.status == .ok)
        return ticket
    }

    func promise(_ kind: String, due: Date, owner: UUID? = nil) -> [String: JSON] {
        var body: [String: JSON] = ["kind": .string(kind), "description": .string("Call back about the E3 error"), "due_at": .string(due.ISO8601Format())]
        if let owner { body["owner_id"] = .string(owner.uuidString) }
        return body
    }

    @Test func aPromiseDefaultsToTheTicketOwnerAndIsRecorded() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent, name: "Alice")
            let ticket = try await ownedTicket(desk, owner: alice)
            let due = Date().addingTimeInterval(3600)
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token, json: promise("callback", due: due))
            #expect(made.status == .created)
            let dto = try made.decoded(PromiseDTO.self)
            #expect(dto.ownerId == alice.user.id)
            #expect(dto.state == .pending)
            #expect(dto.kind == .callback)
            let kinds = try await desk.events(of: ticket.id, token: alice.token).map(\.kind)
            #expect(kinds.contains("promise_made"))
            let listed = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token).decoded(PromiseList.self)
            #expect(listed.promises.map(\.id) == [dto.id])
        }
    }

    @Test func aPromiseOnAnUnownedTicketNeedsAnOwner() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: alice.token)
            let refused = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token, json: promise("update", due: Date().addingTimeInterval(600)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.apiError?.code == "promise_owner_required")
            let past = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("update", due: Date().addingTimeInterval(-60), owner: try alice.user.requireID()))
            #expect(past.status == .unprocessableEntity)
            #expect(past.apiError?.field == "due_at")
            let badKind = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("someday", due: Date().addingTimeInterval(600), owner: try alice.user.requireID()))
            #expect(badKind.status == .unprocessableEntity)
        }
    }

    @Test func customersSeeTheirPromisesButCannotMakeOrKeepThem() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let pat = try await desk.customer(email: "pat@example.test")
            let other = try await desk.customer(email: "sam@example.test")
            let ticket = try await ownedTicket(desk, owner: alice, email: "pat@example.test")
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("replacement", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)

            #expect(try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: pat.token).status == .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: other.token).status == .notFound)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: pat.token,
                json: promise("callback", due: Date().addingTimeInterval(600))).status == .forbidden)
            #expect(try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: pat.token).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/promises", token: pat.token).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/promises/\(made.id)/keep", token: alice.token).status == .methodNotAllowed)
        }
    }

    @Test func theOwnerKeepsAReplacementAndAnotherAgentCannot() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let bob = try await desk.staff(.agent)
            let ticket = try await ownedTicket(desk, owner: alice)
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("replacement", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)
            #expect(try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: bob.token).status == .forbidden)
            let kept = try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: alice.token)
            #expect(kept.status == .ok)
            #expect(try kept.decoded(PromiseDTO.self).state == .kept)
            let again = try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: alice.token)
            #expect(again.status == .conflict)
            #expect(again.apiError?.code == "promise_final")
            #expect(try await desk.send(.POST, "/api/v1/promises/\(UUID())/keep", token: alice.token).status == .notFound)
        }
    }

    @Test func aCallbackIsNotKeptByATickInABox() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let ticket = try await ownedTicket(desk, owner: alice)
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("callback", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)
            let refused = try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: alice.token)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.apiError?.code == "action_does_not_keep_promise")
        }
    }

    @Test func cancellingNeedsAReason() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let ticket = try await ownedTicket(desk, owner: alice)
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("refund", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)
            let blank = try await desk.send(.POST, "/api/v1/promises/\(made.id)/cancel", token: alice.token, json: ["reason": "  "])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.apiError?.field == "reason")
            let cancelled = try await desk.send(.POST, "/api/v1/promises/\(made.id)/cancel", token: alice.token, json: ["reason": "Customer withdrew the claim"])
            #expect(try cancelled.decoded(PromiseDTO.self).state == .cancelled)
            #expect(try await desk.events(of: ticket.id, token: alice.token).map(\.kind).contains("promise_cancelled"))
        }
    }

    @Test func aPublicStaffReplyKeepsUpdatePromisesButANoteDoesNot() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent)
            let ticket = try await ownedTicket(desk, owner: alice)
            let update = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("update", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)
            let callback = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("callback", due: Date().addingTimeInterval(3600))).decoded(PromiseDTO.self)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: alice.token, json: ["body": "Checking with the lab.", "visibility": "internal"])
            var promises = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token).decoded(PromiseList.self).promises
            #expect(promises.first { $0.id == update.id }?.state == .pending)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: alice.token, json: ["body": "The part ships Monday."])
            promises = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token).decoded(PromiseList.self).promises
            #expect(promises.first { $0.id == update.id }?.state == .kept)
            #expect(promises.first { $0.id == update.id }?.resolution == "public_reply")
            #expect(promises.first { $0.id == callback.id }?.state == .pending)
        }
    }

    @Test func theSchedulerRemindsThenBreaksAndAlertsTheLead() async throws {
        try await TestDesk.run { desk in
            let alice = try await desk.staff(.agent, name: "Alice")
            let lead = try await desk.staff(.lead, name: "Lee Lead")
            let manager = try await desk.staff(.manager)
            let team = try await desk.team("Printers", members: [alice.user, lead.user], manager: manager.token)
            let ticket = try await ownedTicket(desk, owner: alice)
            let due = Date().addingTimeInterval(3600)
            let made = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token,
                json: promise("callback", due: due)).decoded(PromiseDTO.self)

            // Nothing is due yet.
            #expect(try await desk.scheduler.tick(now: Date()) == Scheduler.Report())
            // 10 minutes before: the reminder, once.
            let reminded = try await desk.scheduler.tick(now: due.addingTimeInterval(-600))
            #expect(reminded.reminded == 1)
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(-590)).reminded == 0)
            #expect(try await desk.notifications(token: alice.token).map(\.kind) == ["promise_due_soon"])

            // At the due time: broken, once, on the timeline, with the lead alerted.
            let broke = try await desk.scheduler.tick(now: due.addingTimeInterval(1))
            #expect(broke.brokenPromises == 1)
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(60)).brokenPromises == 0)
            let listed = try await desk.send(.GET, "/api/v1/promises?state=broken", token: alice.token).decoded(PromiseList.self)
            #expect(listed.promises.map(\.id) == [made.id])
            #expect(try await desk.events(of: ticket.id, token: alice.token).filter { $0.kind == "promise_broken" }.count == 1)
            let leadNotices = try await desk.notifications(token: lead.token)
            #expect(leadNotices.map(\.kind) == ["promise_broken"])
            #expect(leadNotices.first?.ticketId == ticket.id)
            let shown = try await desk.ticket(ticket.id, token: alice.token)
            #expect(shown.runaround.brokenPromises == 1)
            #expect(shown.runaround.flagged)

            // A late keep does not un-break it.
            #expect(try await desk.send(.POST, "/api/v1/promises/\(made.id)/keep", token: alice.token).status == .conflict)

            // Counted per agent and per team.
            let mine = try await desk.send(.GET, "/api/v1/reports/promises", token: alice.token).decoded(PromiseReport.self)
            #expect(mine.broken == 1 && mine.total == 1 && mine.ownerId == alice.user.id)
            let teamReport = try await desk.send(.GET, "/api/v1/reports/promises?team_id=\(team.id)", token: lead.token).decoded(PromiseReport.self)
            #expect(teamReport.broken == 1 && teamReport.pending == 0)
            #expect(try await desk.send(.GET, "/api/v1/reports/promises?team_id=\(team.id)", token: alice.token).status == .forbidden)

            // Notifications are read one by one, only by their owner.
            let notice = try #require(leadNotices.first)
            #expect(try await desk.send(.POST, "/api/v1/notifications/\(notice.id)/read", token: alice.token).status == .notFound)
            let read = try await desk.send(.POST, "/api/v1/notifications/\(notice.id)/read", token: lead.token)
            #expect(try read.decoded(NotificationsController.NotificationDTO.self).readAt != nil)
            let unread = try await desk.send(.GET, "/api/v1/notifications?unread=true", token: lead.token)
                .decoded(NotificationsController.NotificationList.self)
            #expect(unread.unread == 0 && unread.notifications.isEmpty)
        }
    }
}
