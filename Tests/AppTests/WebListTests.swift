@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The desk's views: what each holds, and keyset paging in every sort order.
@Suite("Web desk lists")
struct WebListTests {
    @Test func everySortPagesThroughAllTicketsOnceInOrder() async throws {
        try await TestDesk.run { desk in
            let (user, token) = try await desk.staff(.agent)
            let priorities: [TicketPriority] = [.low, .urgent, .normal, .high, .normal, .urgent, .low]
            var numbers: [Int] = []
            for index in 0..<23 {
                let ticket = try await desk.createTicket(token: token, subject: "T\(index)", extra: ["priority": .string(priorities[index % priorities.count].rawValue)])
                numbers.append(ticket.number)
            }
            // One solved ticket is not in the open views.
            let solved = try await desk.send(.PATCH, "/api/v1/tickets/\(try await desk.ticket(number: numbers[3]).requireID())", token: token, json: ["status": "solved"])
            #expect(solved.status == .ok)
            let all = try await Ticket.query(on: desk.app.db).all().filter(\.status.isUnresolved)
            #expect(all.count == 22)
            let list = DeskList(db: desk.app.db, user: user, teamIds: [])
            for sort in DeskSort.allCases {
                var query = DeskListQuery(view: .open)
                query.sort = sort
                query.limit = 5
                var seen: [Int] = []
                var pages = 0
                repeat {
                    let page = try await list.page(query)
                    seen += page.tickets.map(\.number)
                    query.after = page.next.map { DeskCursor($0.encoded, sort: sort) } ?? nil
                    pages += 1
                } while query.after != nil && pages < 20
                let expected = all.sorted { DeskList.precedes($0, $1, sort) }.map(\.number)
                #expect(seen == expected, "sort \(sort.rawValue)")
                #expect(pages == 5, "sort \(sort.rawValue)")
            }
            let urgentFirst = try await list.page({ var q = DeskListQuery(view: .open); q.sort = .priority; q.limit = 3; return q }())
            #expect(urgentFirst.tickets.allSatisfy { $0.priority == .urgent })
        }
    }

    @Test func viewsHoldTheirTicketsAndTheSidebarCountsThem() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let agent = try await web.signInStaff(name: "Ana Costa")
            let (_, token) = try await desk.staff(.lead)
            let teamResponse = try await desk.send(.POST, "/api/v1/teams", token: try await desk.staff(.manager).token, json: ["name": "Billing"])
            let teamId = try #require(try JSONSerialization.jsonObject(with: Data(buffer: teamResponse.body)) as? [String: Any])["id"] as? String
            try await desk.app.write { db in try await TeamMembership(teamId: UUID(uuidString: teamId!)!, userId: agent.id!, at: Date()).create(on: db) }
            let owned = try await desk.createTicket(token: token, subject: "Owned by Ana")
            let teamTicket = try await desk.createTicket(token: token, subject: "For Billing", extra: ["team_id": .string(teamId!)])
            let loose = try await desk.createTicket(token: token, subject: "Nobody's yet")
            let assign = try await desk.send(.POST, "/api/v1/tickets/\(owned.id)/assign", token: token, json: ["owner_id": agent.id!.uuidString])
            #expect(assign.status == .ok)

            let mine = try await web.get("/desk/views/mine").body.string
            #expect(mine.contains("Owned by Ana") && !mine.contains("Nobody&#39;s yet"))
            #expect(mine.contains("data-count=\"mine\">1<"))
            #expect(mine.contains("data-count=\"team\">1<"))
            #expect(mine.contains("data-count=\"unassigned\">2<"))
            #expect(mine.contains("data-count=\"open\">3<"))
            let team = try await web.get("/desk/views/team").body.string
            #expect(team.contains("/desk/tickets/\(teamTicket.number)\"") && !team.contains("/desk/tickets/\(loose.number)\""))
            let unassigned = try await web.get("/desk/views/unassigned").body.string
            #expect(unassigned.contains("/desk/tickets/\(loose.number)\"") && !unassigned.contains("/desk/tickets/\(owned.number)\""))

            #expect(try await web.get("/desk/views/open?sort=sideways").status == .badRequest)
            #expect(try await web.get("/desk/views/open?after=zzz").status == .badRequest)

            let saved = try await web.post("/desk/filters", ["name": "Billing urgent", "query": "view=team&priority=urgent"])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let filtered = try await web.get(location).body.string
            #expect(filtered.contains("<h1>Billing urgent</h1>"))
            #expect(filtered.contains("Nothing here"))
        }
    }
}
