@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The agent desk's pages: escaping, the ticket page's forms, hand-offs, search and live streams.
@Suite("Web desk")
struct WebDeskTests {
    @Test func hostileSubjectsBodiesAndNamesAreEscapedEverywhere() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let hostile = "<script>alert('x')</script>"
            let ticket = try await desk.createTicket(token: token, subject: "Help \(hostile)", extra: [
                "body": .string("<img src=x onerror=alert(1)> & \"quotes\""),
                "requester": .object(["email": .string("mallory@example.test"), "name": .string("Mallory \(hostile)")]),
            ])
            for path in ["/desk/tickets/\(ticket.number)", "/desk/views/open", "/desk/search?q=help"] {
                let page = try await web.get(path)
                #expect(page.status == .ok, "\(path)")
                let html = page.body.string
                #expect(!html.contains("<script>alert"), "\(path) must escape the subject")
                #expect(html.contains("Help &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "\(path)")
                #expect(!html.contains("<img src=x"), "\(path)")
            }
            let page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"))
            #expect(page.contains("Mallory &lt;script&gt;"))
        }
    }

    @Test func repliesAndNotesLandOnTheTimelineNotesMarkedInternal() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let agent = try await web.signInStaff(name: "Ana Costa")
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/reply", ["body": "We are resetting it now.", "status": "pending"]).status == .seeOther)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/note", ["body": "Firmware 4.2 again."]).status == .seeOther)
            let html = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(html.contains("We are resetting it now."))
            #expect(html.contains("<span class=\"tag-note\">Internal note</span>"))
            #expect(html.contains("Firmware 4.2 again."))
            let stored = try await desk.ticket(number: ticket.number)
            #expect(stored.status == .pending)
            let messages = try await Message.query(on: desk.app.db).filter(\.$ticketId == ticket.id).sort(\.$id).all()
            #expect(messages.map(\.visibility) == [.public, .public, .internal])
            #expect(messages.last?.authorId == agent.id)

            let empty = try await web.post("/desk/tickets/\(ticket.number)/reply", ["body": "   "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("body must not be empty"))
        }
    }

    @Test func aHandOffWithoutANoteIsRefusedWith422AndTheFormKeepsWhatWasChosen() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let agent = try await web.signInStaff(name: "Ana Costa")
            let receiver = try await desk.staffWithPassword(.agent, email: "ben@example.test", name: "Ben Ode")
            let third = try await desk.staffWithPassword(.agent, email: "cy@example.test", name: "Cy Park")
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/assign").status == .seeOther)
            #expect(try await desk.ticket(number: ticket.number).ownerId == agent.id)

            let refused = try await web.post("/desk/tickets/\(ticket.number)/handoff", ["to_user_id": receiver.id!.uuidString, "note": "  "])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("a hand-off needs a context note for the receiver"))
            #expect(html.contains("<textarea id=\"handoff-note\" name=\"note\" rows=\"4\" required"))
            #expect(html.contains("<option value=\"\(receiver.id!.uuidString)\" selected>"))
            #expect(try await desk.ticket(number: ticket.number).ownerId == agent.id)

            let note = "Printer E3 after firmware 4.2; customer needs it by 15:00."
            #expect(try await web.post("/desk/tickets/\(ticket.number)/handoff", ["to_user_id": receiver.id!.uuidString, "note": note]).status == .seeOther)
            var page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("Context for the receiver"))
            #expect(page.contains(note))
            #expect(!page.contains("Handed off 1 times"), "a single hand-off is normal work, not a warning")

            #expect(try await web.post("/desk/tickets/\(ticket.number)/handoff", ["to_user_id": third.id!.uuidString, "note": "Cy knows the E3 fix."]).status == .seeOther)
            page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("Handed off 2 times"))
            #expect(try await desk.ticket(number: ticket.number).ownerId == third.id)
        }
    }

    @Test func statusPriorityAndTagsChangeThroughTheDesk() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let response = try await web.post("/desk/tickets/\(ticket.number)/update", ["status": "on_hold", "priority": "urgent", "tags": "Printer, vip"])
            #expect(response.status == .seeOther)
            let stored = try await desk.ticket(number: ticket.number)
            #expect(stored.status == .onHold)
            #expect(stored.priority == .urgent)
            let tags = try await TicketTag.query(on: desk.app.db).filter(\.$ticketId == ticket.id).all().map(\.tag).sorted()
            #expect(tags == ["printer", "vip"])
            let kinds = try await TicketEvent.query(on: desk.app.db).filter(\.$ticketId == ticket.id).all().map(\.kind)
            #expect(kinds.contains("priority_changed") && kinds.contains("tagged") && kinds.contains("status_changed"))

            let bad = try await web.post("/desk/tickets/\(ticket.number)/update", ["status": "new"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("cannot go from on_hold to new"))
        }
    }

    @Test func searchJumpsToANumberAndFindsTextInMessages() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff()
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token, subject: "Invoice twice")
            let other = try await desk.createTicket(token: token, subject: "Printer", extra: ["body": .string("The Zebra label printer jams")])
            let jump = try await web.get("/desk/search?q=%23\(ticket.number)")
            #expect(jump.status == .seeOther)
            #expect(jump.headers.first(name: .location) == "/desk/tickets/\(ticket.number)")
            let found = try await web.get("/desk/search?q=zebra").body.string
            #expect(found.contains("/desk/tickets/\(other.number)"))
            #expect(!found.contains("/desk/tickets/\(ticket.number)\""))
        }
    }

    @Test func theTicketStreamSendsNewEntriesAndWhoElseIsThere() async throws {
        try await TestDesk.run { desk in
            let ana = WebClient(desk)
            try await ana.signInStaff(name: "Ana Costa")
            let ben = WebClient(desk)
            try await ben.signInStaff(name: "Ben Ode")
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let last = try #require(try await TicketEvent.query(on: desk.app.db).filter(\.$ticketId == ticket.id).sort(\.$id, .descending).first()?.id)

            try await ben.get("/desk/tickets/\(ticket.number)")
            #expect(try await ben.post("/desk/tickets/\(ticket.number)/presence", ["typing": "1"]).status == .noContent)
            #expect(try await ana.post("/desk/tickets/\(ticket.number)/note", ["body": "Live note"]).status == .seeOther)

            let stream = try await ana.get("/desk/stream/tickets/\(ticket.number)?since=\(last)&once=1")
            #expect(stream.headers.contentType?.description.hasPrefix("text/event-stream") == true)
            let text = stream.body.string
            #expect(text.contains("event: entry\nid: \(last + 1)\n"))
            #expect(text.contains("Live note"))
            #expect(text.contains("event: presence\ndata: Ben Ode is typing on this ticket"))

            let list = try await ana.get("/desk/stream/list?view=open&since=\(ticket.number - 1)&once=1").body.string
            #expect(list.contains("event: ticket\nid: \(ticket.number)\n"))
        }
    }
}
