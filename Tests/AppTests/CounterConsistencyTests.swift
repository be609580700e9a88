@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Counts the desk keeps or computes (the sidebar's view counts, a ticket's runaround counters)
/// are exact after many changes at once: no lost update, nothing counted twice.
@Suite("Counters under concurrent changes")
struct CounterConsistencyTests {
    @Test func theSidebarCountsAreExactAfterConcurrentCreationsAssignmentsAndSolves() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let ana = try await web.signInStaff(name: "Ana Costa")
            let manager = try await desk.staff(.manager)
            let other = try await desk.staff(.agent)
            let team = try await desk.team("Printers", members: [ana], manager: manager.token)

            // 48 tickets at once; the last 12 go to Ana's team.
            let ids = try await Self.concurrently(0..<48) { index -> UUID in
                let extra: [String: JSON] = index >= 36 ? ["team_id": .string(team.id.uuidString)] : [:]
                return try await desk.createTicket(token: other.token, subject: "Ticket \(index)", email: "c\(index % 5)@example.test", extra: extra).id
            }
            // Then at once: 12 to Ana, 8 to someone else, 8 solved; the rest stay unassigned and open.
            let statuses = try await Self.concurrently(0..<28) { index -> HTTPStatus in
                let id = ids[index]
                switch index {
                case 0..<12:
                    return try await desk.send(.POST, "/api/v1/tickets/\(id)/assign", token: other.token, json: ["owner_id": try ana.requireID()]).status
                case 12..<20:
                    return try await desk.send(.POST, "/api/v1/tickets/\(id)/assign", token: other.token, json: ["owner_id": try other.user.requireID()]).status
                default:
                    return try await desk.send(.PATCH, "/api/v1/tickets/\(id)", token: other.token, json: ["status": "solved"]).status
                }
            }
            #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")

            let page = try await web.get("/desk/views/open").body.string
            #expect(Self.sidebarCount("open", in: page) == 40)
            #expect(Self.sidebarCount("mine", in: page) == 12)
            #expect(Self.sidebarCount("unassigned", in: page) == 20)
            #expect(Self.sidebarCount("team", in: page) == 12)
        }
    }

    @Test func theSidebarNeverKeepsACountReadWhileItsOwnWritesWereInFlight() async throws {
        try await TestDesk.run { desk in
            // A long life for every kept count: only the writes themselves may make them current.
            desk.app.sidebarCounts = SidebarCounts(maxAge: .seconds(600))
            let web = WebClient(desk)
            let ana = try await web.signInStaff(.lead, name: "Ana Costa")
            let other = try await desk.staff(.agent)
            let ids = try await Self.concurrently(0..<30) { index -> UUID in
                try await desk.createTicket(token: other.token, subject: "Ticket \(index)", email: "c\(index % 4)@example.test").id
            }
            // Four more people at their desks (a browser each: a client keeps one session's cookies).
            var readers: [WebClient] = []
            for _ in 0..<4 {
                let reader = WebClient(desk)
                try await reader.signInStaff()
                readers.append(reader)
            }
            let browsers = [web] + readers
            // 10 assigned to Ana and 10 solved while five browsers read (and keep) the counts.
            let results = try await Self.concurrently(0..<25) { index -> Bool in
                switch index {
                case 0..<10:
                    return try await desk.send(.POST, "/api/v1/tickets/\(ids[index])/assign", token: other.token, json: ["owner_id": try ana.requireID()]).status == .ok
                case 10..<20:
                    return try await desk.send(.PATCH, "/api/v1/tickets/\(ids[index])", token: other.token, json: ["status": "solved"]).status == .ok
                default:
                    var allShown = true
                    for _ in 0..<4 { allShown = try await browsers[index - 20].get("/desk/views/open").status == .ok && allShown }
                    return allShown
                }
            }
            #expect(results.allSatisfy { $0 })
            let page = try await web.get("/desk/views/open").body.string
            #expect(Self.sidebarCount("open", in: page) == 20)
            #expect(Self.sidebarCount("mine", in: page) == 10)
            #expect(Self.sidebarCount("unassigned", in: page) == 10)
        }
    }

    @Test func anotherInstancesChangesShowInTheSidebarWithinTheCountsMaxAge() async throws {
        try await TestDesk.run { desk in
            desk.app.sidebarCounts = SidebarCounts(maxAge: .milliseconds(500))
            let web = WebClient(desk)
            let ana = try await web.signInStaff(name: "Ana Costa")
            let other = try await desk.staff(.agent)
            let ids = try await Self.concurrently(0..<12) { index -> UUID in
                try await desk.createTicket(token: other.token, subject: "Ticket \(index)").id
            }
            #expect(Self.sidebarCount("open", in: try await web.get("/desk/views/open").body.string) == 12)

            // A second instance of the desk on the same database: its writes never reach this
            // instance's counts except through the database.
            let second = try await Application.make(.testing)
            do {
                try await configure(second, desk.app.frontlineConfig)
                let instance = TestDesk(app: second)
                let results = try await Self.concurrently(0..<8) { index -> HTTPStatus in
                    index < 5
                        ? try await instance.send(.PATCH, "/api/v1/tickets/\(ids[index])", token: other.token, json: ["status": "solved"]).status
                        : try await instance.send(.POST, "/api/v1/tickets/\(ids[index])/assign", token: other.token, json: ["owner_id": try ana.requireID()]).status
                }
                #expect(results.allSatisfy { $0 == .ok }, "\(results)")
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()

            try await Task.sleep(for: .milliseconds(600))
            let page = try await web.get("/desk/views/open").body.string
            #expect(Self.sidebarCount("open", in: page) == 7)
            #expect(Self.sidebarCount("mine", in: page) == 3)
            #expect(Self.sidebarCount("unassigned", in: page) == 4)
        }
    }

    @Test func runaroundCountersAreExactAfterConcurrentHandoffsAndCustomerMessages() async throws {
        try await TestDesk.run { desk in
            let agents = try await Self.concurrently(0..<8) { _ in try await desk.staff(.agent) }
            let lead = try await desk.staff(.lead)
            let pat = try await desk.customer(email: "pat@example.test")
            let ticket = try await desk.createTicket(token: lead.token, email: "pat@example.test")
            let assigned = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: lead.token, json: [
                "owner_id": try agents[0].user.requireID(),
            ])
            #expect(assigned.status == .ok)

            // Seven hand-offs and ten customer messages, all at once on one ticket.
            let statuses = try await Self.concurrently(0..<17) { index -> HTTPStatus in
                if index < 7 {
                    return try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/handoffs", token: lead.token, json: [
                        "to_user_id": .string(try agents[index + 1].user.requireID().uuidString), "note": .string("Over to you (\(index))"),
                    ] as [String: JSON]).status
                }
                return try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: pat.token, json: [
                    "body": "Still broken (\(index))",
                ]).status
            }
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .created }, "\(statuses)")

            let shown = try await desk.ticket(ticket.id, token: lead.token)
            #expect(shown.runaround.handoffs == 7)
            #expect(shown.handoffCount == 7)
            #expect(shown.runaround.distinctOwners == 8)
            #expect(shown.runaround.customerContacts == 11, "the first message and ten more")
            #expect(shown.runaround.channelSwitches == 0)
            // The stored row agrees with what the timeline says happened.
            let events = try await desk.events(of: ticket.id, token: lead.token)
            #expect(events.filter { $0.kind == "handed_off" }.count == 7)
            #expect(events.filter { $0.kind == "message_added" }.count == 11)
            #expect(events.filter { $0.kind == "runaround_flagged" }.count == 1, "flagged once, at the third hand-off")
            let owners = try await TicketOwnerRecord.query(on: desk.app.db).filter(\.$ticketId == ticket.id).all()
            #expect(Set(owners.map(\.userId)).count == 8 && owners.count == 8)
        }
    }

    /// Runs `body` for every index at the same time; results in index order.
    private static func concurrently<T: Sendable>(
        _ indices: Range<Int>, _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for index in indices { group.addTask { (index, try await body(index)) } }
            var results: [Int: T] = [:]
            for try await (index, value) in group { results[index] = value }
            return indices.compactMap { results[$0] }
        }
    }

    /// The number a sidebar view shows (`data-count="mine">12<`).
    private static func sidebarCount(_ view: String, in page: String) -> Int? {
        guard let start = page.range(of: "data-count=\"\(view)\">") else { return nil }
        return Int(page[start.upperBound...].prefix { $0.isNumber })
    }
}
