@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The customer portal and the public contact form.
@Suite("Web portal and contact form")
struct WebPortalTests {
    /// Signs a customer in through a one-time link, as a browser would.
    static func signInCustomer(_ web: WebClient, email: String) async throws {
        try await web.get("/portal/login")
        let asked = try await web.post("/portal/login", ["email": email])
        #expect(asked.status == .ok)
        #expect(asked.body.string.contains("a sign-in link is on its way"))
        let link = try #require(web.desk.app.portalLinkCapture.latest(for: email))
        let path = try #require(URL(string: link)?.path)
        #expect(try await web.get(path).status == .ok)
        #expect(try await web.post(path).status == .seeOther)
        try await web.get("/portal")
    }

    @Test func aCustomerSeesOwnTicketsAndPublicRepliesButNeverNotesOrOthersTickets() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let mine = try await desk.createTicket(token: token, subject: "My printer", email: "pat@example.test")
            let theirs = try await desk.createTicket(token: token, subject: "Someone else's invoice", email: "sam@example.test")
            for (visibility, body) in [("public", "We sent a new cartridge."), ("internal", "Customer is on the old plan, do not mention it.")] {
                let response = try await desk.send(.POST, "/api/v1/tickets/\(mine.id)/messages", token: token, json: ["body": body, "visibility": visibility])
                #expect(response.status == .created)
            }

            let web = WebClient(desk)
            try await Self.signInCustomer(web, email: "pat@example.test")
            let home = try await web.get("/portal").body.string
            #expect(home.contains("My printer"))
            #expect(!home.contains("Someone else"))
            let page = try await web.get("/portal/tickets/\(mine.number)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("We sent a new cartridge."))
            #expect(!page.body.string.contains("do not mention it"))
            #expect(!page.body.string.contains("Internal note"))
            let other = try await web.get("/portal/tickets/\(theirs.number)")
            #expect(other.status == .notFound)
            #expect(!other.body.string.contains("invoice"))
            #expect(try await web.post("/portal/tickets/\(theirs.number)/reply", ["body": "hi"]).status == .notFound)
            // The desk is not for customers.
            #expect(try await web.get("/desk/tickets/\(mine.number)").status == .seeOther)

            #expect(try await web.post("/portal/tickets/\(mine.number)/reply", ["body": "Thanks, it works."]).status == .seeOther)
            #expect(try await web.post("/portal/tickets/\(mine.number)/solve").status == .seeOther)
            let stored = try await desk.ticket(number: mine.number)
            #expect(stored.status == .solved)
            let last = try await Message.query(on: desk.app.db).filter(\.$ticketId == mine.id).sort(\.$id, .descending).first()
            #expect(last?.channel == .portal)
            #expect(last?.authorType == "customer")

            let created = try await web.post("/portal/new", ["subject": "Second printer", "body": "Also broken."])
            #expect(created.status == .seeOther)
            let newTicket = try #require(try await Ticket.query(on: desk.app.db).filter(\.$subject == "Second printer").first())
            #expect(newTicket.channel == .portal)
            #expect(newTicket.requesterId == stored.requesterId)
        }
    }

    @Test func aCustomerSendsAWarrantyCardInThePortalAndItIsOnRecordForTheDesk() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: agent.token, subject: "Printer E3", email: "pat@example.test")
            _ = try await desk.createTicket(token: agent.token, subject: "Other", email: "sam@example.test")
            let patId = ticket.requester.id
            let product = try await desk.send(.POST, "/api/v1/customers/\(patId)/products", token: agent.token, json: [
                "model": "OfficeJet <9000>", "serial_number": "CN-12345", "purchase_date": "2025-06-01", "purchased_from": "PrintMart",
            ]).decoded(ProductDTO.self)
            let end = Date(timeIntervalSinceNow: 300 * 86_400).formatted(.iso8601.year().month().day())
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: agent.token, json: [
                "kind": "warranty", "product_id": .string(product.id.uuidString), "starts_on": "2025-06-01", "ends_on": .string(end),
                "coverage": "Parts and labour",
            ] as [String: JSON]).status == .created)

            let web = WebClient(desk)
            try await Self.signInCustomer(web, email: "pat@example.test")
            var page = try await web.get("/portal/documents").body.string
            #expect(page.contains("OfficeJet &lt;9000&gt;"))
            #expect(page.contains("Covered until \(end)"))
            #expect(page.contains("enctype=\"multipart/form-data\""))

            let card = Array("%PDF-1.4 warranty card".utf8)
            let sent = try await web.postFile("/portal/documents", filename: "../warranty <card>.pdf", contentType: "application/pdf", data: card)
            #expect(sent.status == .seeOther)
            page = try await web.get("/portal/documents").body.string
            #expect(page.contains("warranty &lt;card&gt;.pdf"))
            let onRecord = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/entitlements", token: agent.token).decoded(TicketEntitlements.self)
            let document = try #require(onRecord.documents.first)
            #expect(document.filename == "warranty <card>.pdf" && document.uploadedBy.type == "customer" && document.size == card.count)
            let download = try await web.get("/portal/documents/\(document.id)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == card)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")

            // A scan of several megabytes is taken; over real HTTP, where the body streams in, over 20 MB is 413.
            let scan = [UInt8](repeating: 0x25, count: 3 * 1024 * 1024)
            #expect(try await web.postFile("/portal/documents", filename: "scan.pdf", contentType: "application/pdf", data: scan).status == .seeOther)
            #expect(try await CustomerDocument.query(on: desk.app.db).filter(\.$filename == "scan.pdf").first()?.size == scan.count)
            web.overRealHTTP = true
            let huge = [UInt8](repeating: 0x25, count: 22 * 1024 * 1024)
            #expect(try await web.postFile("/portal/documents", filename: "huge.pdf", contentType: "application/pdf", data: huge).status == .payloadTooLarge)
            web.overRealHTTP = false

            // An empty file, or someone else's document: refused, nothing more stored.
            let empty = try await web.postFile("/portal/documents", filename: "empty.pdf", contentType: "application/pdf", data: [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Choose a file to send"))
            let sam = WebClient(desk)
            try await Self.signInCustomer(sam, email: "sam@example.test")
            #expect(try await sam.get("/portal/documents/\(document.id)").status == .notFound)
            #expect(try await sam.get("/portal/documents").body.string.contains("warranty &lt;card&gt;") == false)
            #expect(try await CustomerDocument.query(on: desk.app.db).count() == 2)
        }
    }

    @Test func aCustomerSetsAPasswordAndSignsInWithIt() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, subject: "My printer", email: "pat@example.test")
            let web = WebClient(desk)
            try await Self.signInCustomer(web, email: "pat@example.test")
            #expect(try await web.get("/portal/password").status == .ok)
            #expect(try await web.post("/portal/password", ["password": "a long secret", "confirm": "another secret"]).status == .unprocessableEntity)
            #expect(try await web.post("/portal/password", ["password": "short", "confirm": "short"]).status == .unprocessableEntity)
            let saved = try await web.post("/portal/password", ["password": "a long secret", "confirm": "a long secret"])
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains("Your password is saved"))

            let later = WebClient(desk)
            try await later.get("/portal/login")
            #expect(try await later.post("/portal/login", ["email": "pat@example.test", "password": "wrong secret"]).status == .unauthorized)
            #expect(try await later.post("/portal/login", ["email": "pat@example.test", "password": "a long secret"]).status == .seeOther)
            #expect(try await later.get("/portal").body.string.contains("My printer"))
        }
    }

    @Test func aPortalLinkWorksOnceAndIsStoredHashed() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "pat@example.test")
            let web = WebClient(desk)
            try await Self.signInCustomer(web, email: "pat@example.test")
            let link = try #require(desk.app.portalLinkCapture.latest(for: "pat@example.test"))
            let secret = String(link.split(separator: "/").last ?? "")
            let stored = try #require(try await PortalLink.query(on: desk.app.db).first())
            #expect(stored.tokenHash == WebSecret.hash(secret))
            #expect(stored.tokenHash != secret)
            #expect(abs(stored.expiresAt.timeIntervalSince(stored.createdAt) - 1800) < 1)

            let again = WebClient(desk)
            try await again.get("/portal/link/\(secret)")
            #expect(try await again.post("/portal/link/\(secret)").status == .gone)

            // Unknown addresses get the same answer, and no link.
            let stranger = WebClient(desk)
            try await stranger.get("/portal/login")
            let answer = try await stranger.post("/portal/login", ["email": "nobody@example.test"])
            #expect(answer.body.string.contains("a sign-in link is on its way"))
            #expect(desk.app.portalLinkCapture.latest(for: "nobody@example.test") == nil)
        }
    }

    @Test func theContactFormOpensAWebTicketAndConfirmsItsNumber() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            #expect(try await web.get("/contact").status == .ok)
            let sent = try await web.post("/contact", [
                "name": "Robin Hale", "email": "robin@example.test", "subject": "Where is my order?", "message": "Order 5512 has not arrived.", "website": "",
            ])
            #expect(sent.status == .created)
            let ticket = try #require(try await Ticket.query(on: desk.app.db).first())
            #expect(sent.body.string.contains("#\(ticket.number)"))
            #expect(ticket.channel == .web)
            #expect(ticket.subject == "Where is my order?")
            let requester = try #require(try await Customer.find(ticket.requesterId, on: desk.app.db))
            #expect(requester.name == "Robin Hale")

            let bot = try await web.post("/contact", ["email": "bot@example.test", "subject": "Cheap pills", "message": "Buy", "website": "http://spam.example"])
            #expect(bot.status == .ok)
            #expect(try await Ticket.query(on: desk.app.db).count() == 1)

            let bad = try await web.post("/contact", ["email": "not-an-address", "subject": "Hi", "message": "Hello"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("check your email address"))
            #expect(bad.body.string.contains("value=\"Hi\""), "what was typed is kept")
        }
    }

    @Test func theContactFormShowsEveryProblemBesideItsField() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.get("/contact")
            let bad = try await web.post("/contact", ["name": "Robin", "email": "robin@", "subject": " ", "message": ""])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("Please correct the 3 fields marked below."))
            for (field, words) in [("email", "check your email address"), ("subject", "give your message a subject"), ("message", "tell us what you need")] {
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"\(field)-error\""), "\(field) is marked")
                #expect(html.contains("<p class=\"field-error\" id=\"\(field)-error\">Please \(words)"), "\(field) says why")
            }
            #expect(!html.contains("id=\"name-error\""))
            #expect(html.contains("value=\"Robin\""), "what was typed is kept")
            #expect(try await Ticket.query(on: desk.app.db).count() == 0)
        }
    }

    @Test func theContactFormIsRateLimitedPerAddress() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.get("/contact")
            for index in 0..<5 {
                let response = try await web.post("/contact", ["email": "r\(index)@example.test", "subject": "Hello \(index)", "message": "Text"])
                #expect(response.status == .created)
            }
            let limited = try await web.post("/contact", ["email": "r9@example.test", "subject": "Hello", "message": "Text"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.string.contains("wait 60 minutes"))
            #expect(try await Ticket.query(on: desk.app.db).count() == 5)
        }
    }
}
