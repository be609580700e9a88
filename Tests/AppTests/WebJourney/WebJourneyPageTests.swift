@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The ticket page shows the customer's whole journey: runaround, SLA, promises, escalations,
/// calls and warranty, with the same values the API gives, in the desk's time zone.
@Suite("Web journey: the ticket page")
struct WebJourneyPageTests {
    @Test func theTicketPageShowsEveryPartOfTheJourney() async throws {
        try await TestDesk.run { desk in
            let fixture = try await JourneyFixture.make(desk)
            let web = WebClient(desk)
            try await web.signInStaff(.lead, name: "Lena Lead")
            let response = try await web.get(fixture.page)
            #expect(response.status == .ok)
            let html = response.body.string
            let zone = fixture.zone

            // Runaround: the alert, the breakdown and the formula.
            let runaround = fixture.ticket.runaround
            #expect(runaround.flagged && runaround.brokenPromises == 1 && runaround.holdsWithoutWaitTold == 1)
            #expect(html.contains("<strong>This customer is getting the runaround</strong>"))
            #expect(html.contains("<li>1 broken promise (alert at 1)</li>"))
            #expect(html.contains("<th scope=\"row\">Broken promises</th><td>1</td>"))
            #expect(html.contains("<th scope=\"row\">Holds without a wait told</th><td>1</td>"))
            #expect(html.contains("<th scope=\"row\">Hand-offs</th><td>\(runaround.handoffs)</td>"))
            #expect(html.contains("<th scope=\"row\">Customer contacts</th><td>\(runaround.customerContacts)</td>"))
            #expect(html.contains("title=\"index = 1 × hand-offs + 0.5 × (owners − 1)"))
            #expect(html.contains(">index \(String(format: "%.1f", runaround.index))</span>"))

            // SLA: the policy, first response and resolution due in New York time.
            let firstDue = try #require(fixture.ticket.sla.firstResponse?.dueAt)
            let resolutionDue = try #require(fixture.ticket.sla.resolution?.dueAt)
            #expect(html.contains("<h2>SLA <span class=\"muted small\">Printers gold</span></h2>"))
            #expect(html.contains("<strong>First response</strong> <span class=\"badge ok\">ok</span>"))
            #expect(html.contains("due <time datetime=\"\(Format.iso(firstDue))\">\(Format.absolute(firstDue, zone: zone))</time>"))
            #expect(html.contains("<time datetime=\"\(Format.iso(resolutionDue))\">\(Format.absolute(resolutionDue, zone: zone))</time>"))
            #expect(html.contains("times shown in America/New_York"))
            #expect(Format.absolute(firstDue, zone: zone) != Format.absolute(firstDue, zone: .gmt), "the zone must make a difference")

            // Promises: the broken one stays, in red; the pending ones with their owners.
            #expect(html.contains("<li class=\"promise promise-broken\" id=\"promise-\(fixture.broken.id)\">"))
            #expect(html.contains("<p class=\"promise-text\">Ship a replacement unit</p>"))
            #expect(html.contains("<p class=\"small\">Broken: the due time passed and nobody kept it.</p>"))
            #expect(html.contains("<li class=\"promise promise-pending\" id=\"promise-\(fixture.pending.id)\">"))
            #expect(html.contains("<p class=\"promise-text\">Send the repair status by Friday</p>"))
            #expect(html.contains("<strong>Callback</strong> <span class=\"muted small\">(dropped call)</span>"))
            #expect(html.contains("owner Lou Lead · made by Frontline"))
            #expect(html.contains("due <time datetime=\"\(Format.iso(fixture.pending.dueAt))\">\(Format.absolute(fixture.pending.dueAt, zone: zone))</time>"))

            // The call: both holds, the missing note, the drop.
            #expect(html.contains("Hold: <strong class=\"danger\">no wait told</strong>, waited 5 min 00 s"))
            #expect(html.contains("Hold: told 1 min 00 s, waited 2 min 00 s · <strong class=\"danger\">overran</strong>"))
            #expect(html.contains("<span class=\"badge warn\">note missing</span>"))
            #expect(html.contains("<p class=\"badge warn\">1 transfer note missing</p>"))
            #expect(html.contains("talked 2 min 40 s · <strong class=\"danger\">dropped</strong>"))
            let transfer = try #require(fixture.call.transfers.first)
            #expect(html.contains("action=\"/desk/tickets/\(fixture.ticket.number)/calls/\(fixture.call.id)/transfers/\(transfer.id)/note\""))

            // The escalation, open, to the lead, answered by phone because he called.
            #expect(html.contains("<span class=\"badge warn\">open</span> to <strong>Lou Lead</strong>"))
            #expect(html.contains("<p class=\"small\">Warranty claim disputed; customer very unhappy</p>"))
            #expect(html.contains("answer by phone <time datetime=\"\(Format.iso(fixture.escalation.dueAt))\">"))

            // Warranty: covered, with its proof, downloadable from the desk.
            #expect(html.contains("<strong>Warranty</strong> for OfficeJet 9000:"))
            #expect(html.contains("<span class=\"covered\">covered until \(fixture.warrantyEnds)</span> · proof: <a href=\"/desk/documents/\(fixture.document.id)\">warranty-2-years.pdf</a>"))
            #expect(html.contains("OfficeJet 9000 <span class=\"muted small\">serial CN-998877 · bought 2025-01-10</span>"))
            #expect(html.contains("<a href=\"/desk/documents/\(fixture.document.id)\">warranty-2-years.pdf</a>\n"))
            #expect(html.contains("from Loyal Reader"))

            // The timeline says what happened in words.
            for words in [
                "Fay First promised: Replacement “Ship a replacement unit”, due \(Format.absolute(fixture.broken.dueAt, zone: zone)), owner Fay First",
                "Promise broken: Replacement “Ship a replacement unit”, nobody kept it by \(Format.absolute(fixture.broken.dueAt, zone: zone))",
                "Inbound call from \(JourneyFixture.phoneNumber)",
                "Customer put on hold without being told how long</span>",
                "Hold overran: told 1 min 00 s, waited 2 min 00 s",
                "Call ended (dropped), 2 min 40 s talk, 2 holds: a callback is promised",
                "Frontline promised: Callback “Call the customer back: the call dropped”",
                "Fay First escalated: Warranty claim disputed; customer very unhappy; answer by phone by \(Format.absolute(fixture.escalation.dueAt, zone: zone))",
                "Flagged: this customer is getting the runaround (index",
            ] {
                #expect(html.contains(words), "timeline lacks: \(words)")
            }
            #expect(html.contains("<li class=\"entry event alert\""))
            #expect(!html.contains("Frontline: promise broken"), "no journey event falls back to its raw kind")
        }
    }

    @Test func theCustomersDocumentIsOnEveryTicketOfTheirsAndDownloadsForStaff() async throws {
        try await TestDesk.run { desk in
            let fixture = try await JourneyFixture.make(desk)
            let other = try await desk.createTicket(token: fixture.agent.token, subject: "Ink cartridge question", email: "reader@example.test")
            let stranger = try await desk.createTicket(token: fixture.agent.token, subject: "Someone else", email: "sam@example.test")
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            let link = "<a href=\"/desk/documents/\(fixture.document.id)\">warranty-2-years.pdf</a>"
            #expect(try await web.get("/desk/tickets/\(other.number)").body.string.contains(link))
            let strangers = try await web.get("/desk/tickets/\(stranger.number)").body.string
            #expect(!strangers.contains("warranty-2-years.pdf"))
            #expect(strangers.contains("<li class=\"muted\">None sent</li>"))
            #expect(strangers.contains("<li class=\"muted\">No active warranty or contract on record</li>"))

            let download = try await web.get("/desk/documents/\(fixture.document.id)")
            #expect(download.status == .ok)
            #expect(download.body.string == "%PDF two-year warranty, serial CN-998877")
            #expect(download.headers.first(name: .contentDisposition) == "attachment; filename=\"warranty-2-years.pdf\"")
            #expect(try await web.get("/desk/documents/\(UUID())").status == .notFound)
            #expect(try await web.get("/desk/documents/not-an-id").status == .notFound)
        }
    }

    @Test func anSLAPausedWhilePendingAndATicketWithoutPolicySaySo() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            let before = try await desk.createTicket(token: manager.token, subject: "Before any policy")
            let page = try await web.get("/desk/tickets/\(before.number)").body.string
            #expect(page.contains("No SLA policy applies to this ticket."))
            #expect(page.contains("<span class=\"badge ok\">Not flagged</span>"))
            #expect(page.contains("<p class=\"muted small\">No promises on this ticket yet.</p>"))
            #expect(!page.contains("id=\"calls\""), "no calls, no calls panel")

            _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: ["name": "Standard", "first_response_minutes": 30] as [String: JSON])
            let ticket = try await desk.createTicket(token: manager.token)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/update", ["status": "pending"]).status == .seeOther)
            let paused = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(paused.contains("<strong>First response</strong> <span class=\"badge status-pending\">paused</span>"))
            #expect(paused.contains("paused while pending on the customer"))
        }
    }

    @Test func aMetTargetAndABreachedOneReadAsSuchOnThePageAndInTheTimeline() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            _ = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
                "name": "Quick", "first_response_minutes": 30, "resolution_minutes": 1,
            ] as [String: JSON])
            let ticket = try await desk.createTicket(token: manager.token)
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/reply", ["body": "We are on it."]).status == .seeOther)
            _ = try await desk.scheduler.tick(now: Date().addingTimeInterval(180))
            let html = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(html.contains("<strong>First response</strong> <span class=\"badge ok\">met</span>"))
            #expect(html.contains("<strong>Resolution</strong> <span class=\"badge danger-badge\">breached</span>"))
            let due = try #require(try await desk.ticket(ticket.id, token: manager.token).sla.resolution?.dueAt)
            #expect(html.contains("SLA breached: resolution (Quick) was due \(Format.absolute(due, zone: .gmt))"))
        }
    }

    @Test func hostileTextIsEscapedInEveryJourneyPanel() async throws {
        try await TestDesk.run { desk in
            let hostile = "<script>alert('j')</script>"
            let escaped = "&lt;script&gt;alert(&#39;j&#39;)&lt;/script&gt;"
            let agent = try await desk.staff(.agent, name: "Agent \(hostile)")
            let customer = try await desk.customer(email: "mallory@example.test")
            let ticket = try await desk.createTicket(token: agent.token, email: "mallory@example.test")
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: agent.token, json: ["owner_id": try agent.user.requireID()])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: agent.token, json: [
                "kind": "other", "description": .string("Promise \(hostile)"), "due_at": .string(Date().addingTimeInterval(3600).ISO8601Format()),
            ] as [String: JSON])
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: agent.token, json: ["reason": .string("Reason \(hostile)")] as [String: JSON])
            _ = try await desk.send(.POST, "/api/v1/customers/\(customer.customer.id!)/products", token: agent.token, json: [
                "model": .string("Model \(hostile)"), "serial_number": "S-1",
            ] as [String: JSON])
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: customer.token)
            headers.contentType = .plainText
            let upload = try await desk.app.testing().sendRequest(
                .POST, "/api/v1/customers/\(customer.customer.id!)/documents?filename=\(WebClient.encode("<img src=x onerror=alert(1)>.txt"))", headers: headers,
                body: ByteBuffer(string: "proof"))
            #expect(upload.status == .created)

            let web = WebClient(desk)
            try await web.signInStaff(.lead)
            let html = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img src=x"))
            #expect(html.contains("Promise \(escaped)"))
            #expect(html.contains("Reason \(escaped)"))
            #expect(html.contains("Model \(escaped)"))
            #expect(html.contains(">&lt;img src=x onerror=alert(1)&gt;.txt</a>"))
            #expect(html.contains("owner Agent \(escaped)"))
        }
    }
}
