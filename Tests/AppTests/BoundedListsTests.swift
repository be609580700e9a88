@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Writes and reads stay bounded: a customer's messages are rate limited, a ticket's messages
/// and events come a page at a time, and the desk's ticket page shows the latest entries.
@Suite("Bounded writes and reads")
struct BoundedListsTests {
    @Test func aCustomerWritingTooFastGets429WithRetryAfterAndStaffDoNot() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let pat = try await desk.customer()
            let ticket = try await desk.createCustomerTicket(token: pat.token)
            let path = "/api/v1/tickets/\(ticket.id)/messages"
            // Opening the ticket was the first message of the window.
            for index in 2...CustomerMessageLimit.limit.limit {
                let response = try await desk.send(.POST, path, token: pat.token, json: ["body": "message \(index)"])
                #expect(response.status == .created, "message \(index)")
            }
            let refused = try await desk.send(.POST, path, token: pat.token, json: ["body": "one too many"])
            #expect(refused.status == .tooManyRequests)
            let wait = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...Int(CustomerMessageLimit.limit.window)).contains(wait), "seconds until the window closes")
            #expect(refused.apiError?.code == "too_many_messages")
            let another = try await desk.send(.POST, "/api/v1/tickets", token: pat.token, json: ["subject": "Again", "body": "x"])
            #expect(another.status == .tooManyRequests, "a new ticket is a message too")
            let stored = try await desk.send(.GET, "\(path)?limit=500", token: agent.token).decoded(MessageList.self).messages
            #expect(stored.count == CustomerMessageLimit.limit.limit, "the refused message was not stored")

            let reply = try await desk.send(.POST, path, token: agent.token, json: ["body": "Staff are not limited here"])
            #expect(reply.status == .created)
        }
    }

    @Test func messagesAndEventsArePagedByCursorWithoutGapsOrRepeats() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token)
            for index in 1...6 {
                _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: agent.token, json: ["body": "reply \(index)"])
            }
            var bodies: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages?\(query)", token: agent.token).decoded(MessageList.self)
                #expect(page.messages.count <= 3)
                bodies += page.messages.map(\.body)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(bodies == ["It stopped printing after the update."] + (1...6).map { "reply \($0)" })

            let all = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: agent.token).decoded(EventList.self)
            #expect(all.nextCursor == nil)
            var events: [Int] = []
            cursor = nil
            repeat {
                let query = "limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events?\(query)", token: agent.token).decoded(EventList.self)
                events += page.events.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil && events.count < 100
            #expect(events == all.events.map(\.id))

            // A messages cursor is no events cursor; limits are bounded.
            let messagesCursor = try #require(try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages?limit=1", token: agent.token)
                .decoded(MessageList.self).nextCursor)
            let crossed = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events?cursor=\(messagesCursor)", token: agent.token)
            #expect(crossed.status == .badRequest)
            #expect(crossed.apiError?.code == "invalid_cursor")
            for limit in ["0", "501", "ten"] {
                let response = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/messages?limit=\(limit)", token: agent.token)
                #expect(response.status == .unprocessableEntity, "limit=\(limit)")
                #expect(response.apiError?.field == "limit")
            }
        }
    }

    @Test func theTicketPageShowsTheLatestEntriesWithALinkToOlderOnes() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token, subject: "A long conversation")
            let total = TimelineWindow.size + 20
            for index in 1...total {
                _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: token, json: ["body": "note number \(index)!", "visibility": "internal"])
            }
            let latest = try await web.get("/desk/tickets/\(ticket.number)")
            #expect(latest.status == .ok)
            let html = latest.body.string
            #expect(html.contains("note number \(total)!"))
            #expect(!html.contains("note number 1!"), "the oldest entries are not on the first page")
            #expect(html.components(separatedBy: "class=\"entry ").count - 1 == TimelineWindow.size)
            let link = try #require(html.firstMatch(of: /href="(\/desk\/tickets\/\d+\?before=\d+)"/)?.1)
            #expect(html.contains("data-timeline"), "live entries join the latest part")

            let older = try await web.get(String(link))
            #expect(older.status == .ok)
            let olderHTML = older.body.string
            #expect(olderHTML.contains("note number 1!"))
            #expect(olderHTML.contains("opened the ticket"))
            #expect(!olderHTML.contains("note number \(total)!"))
            #expect(!olderHTML.contains("?before="), "the first entry is on this page: nothing older")
            #expect(olderHTML.contains("Latest entries"))
            #expect(!olderHTML.contains("data-timeline>"), "no live entries appended to an older part")

            #expect(try await web.get("/desk/tickets/\(ticket.number)?before=abc").status == .badRequest)
        }
    }
}
