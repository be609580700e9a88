@testable import App
import Fluent
import FrontlineMail
import Foundation
import TestSupport
import Testing
import Vapor
import VaporTesting

/// Outbound mail through a real SMTP server on loopback (aiosmtpd), and the answer coming back
/// through the mail pipe.
@Suite("Outbound mail", .enabled(if: SMTPSink.isAvailable, "python3 with aiosmtpd is not installed (pip install aiosmtpd)"))
struct MailOutboundTests {
    @Test func anAgentsReplyArrivesThreadedAndTheCustomersAnswerJoinsTheTicket() async throws {
        let sink = try SMTPSink()
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress)
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            let agent = try await desk.staff(.agent, name: "Ava Agent")
            let inbound = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact()).decoded(InboundMailDTO.self)
            let ticketId = try #require(inbound.ticketId)
            let reply = try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/messages", token: agent.token, json: ["body": "Bitte halten Sie die Reset-Taste zehn Sekunden gedrückt."])
            #expect(reply.status == .created)

            #expect(try await MailDelivery(app: desk.app).deliverDue(now: desk.app.clock.now()) == 2)
            #expect(sink.receivedCount() == 2)
            let delivered = try (1...2).map { try MessageParser.parse(try sink.message($0)) }
            let acknowledgement = try #require(delivered.first { $0.autoSubmitted == "auto-replied" })
            let answer = try #require(delivered.first { $0.autoSubmitted == nil })

            #expect(acknowledgement.subject.contains("[#1001]"))
            #expect(acknowledgement.textBody.contains("ticket #1001"))
            #expect(answer.subject == "Re: [#1001] Drucker zeigt Fehler E3 – bitte helfen")
            #expect(answer.inReplyTo == ["first.1@client.example.test"])
            #expect(answer.references.contains("first.1@client.example.test"))
            #expect(answer.to.map(\.email) == ["zoe@example.test"])
            #expect(answer.replyTo.map(\.email) == ["support@frontline.test"])
            #expect(answer.textBody.contains("zehn Sekunden gedrückt"))
            let answerID = try #require(answer.messageID)

            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/events", token: admin.token).decoded(EventList.self).events
            #expect(events.filter { $0.kind == "mail_sent" }.count == 2)
            let outbox = try await desk.send(.GET, "/api/v1/mail/outbox", token: admin.token).decoded(MailController.OutboxList.self).mails
            #expect(outbox.allSatisfy { $0.status == "sent" })

            // The customer answers our mail; the MTA pipes it to `frontline mail ingest`.
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let customerAnswer = MailSamples.reply(subject: "Re: \(answer.subject)", inReplyTo: answerID, messageID: "answer.2@client.example.test", body: "Danke, jetzt druckt er wieder!")
            let piped = try cli.run(["mail", "ingest"], environment: desk.cliEnvironment, stdin: customerAnswer)
            #expect(piped.status == 0, "\(piped.stderr)")
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/messages", token: admin.token).decoded(MessageList.self).messages
            #expect(messages.map(\.body).last == "Danke, jetzt druckt er wieder!")
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets.count == 1)
        }
    }

    @Test func promiseAlertsReachTheOwnerAndTheirLeadByMailOutsideTheTicketsThread() async throws {
        let sink = try SMTPSink()
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress)
        try await TestDesk.run(mail: settings) { desk in
            desk.app.frontlineConfig.publicURL = "https://desk.example.test/"
            let manager = try await desk.staff(.manager)
            let alice = try await desk.staff(.agent, name: "Alice Agent")
            let lead = try await desk.staff(.lead, name: "Lee Lead")
            _ = try await desk.team("Printers", members: [alice.user, lead.user], manager: manager.token)
            let ticket = try await desk.createTicket(token: alice.token)
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: alice.token, json: ["owner_id": JSON.string(alice.user.id!.uuidString)]).status == .ok)
            let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded())  // whole seconds, as sent
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: alice.token, json: [
                "kind": "callback", "description": "Call Pat about the E3 error", "due_at": .string(due.ISO8601Format()),
            ] as [String: JSON]).status == .created)
            let delivery = MailDelivery(app: desk.app)
            _ = try await delivery.deliverDue(now: desk.app.clock.now())
            let before = sink.receivedCount()

            // Ten minutes before: the owner is reminded.
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(-600)).reminded == 1)
            #expect(try await delivery.deliverDue(now: due.addingTimeInterval(-600)) == 1)
            #expect(sink.receivedCount() == before + 1)
            let reminder = try MessageParser.parse(try sink.message(before + 1))
            #expect(reminder.to.map(\.email) == [alice.user.email])
            #expect(reminder.subject.hasPrefix("Frontline alert: Promise on ticket #\(ticket.number) due in 10 min"))
            #expect(reminder.textBody.contains("Call Pat about the E3 error"))
            #expect(reminder.textBody.contains("https://desk.example.test/desk/tickets/\(ticket.number)"))
            #expect(reminder.autoSubmitted == "auto-generated")
            #expect(reminder.inReplyTo.isEmpty && reminder.references.isEmpty)

            // At the due time: broken, and the owner and their lead hear of it.
            #expect(try await desk.scheduler.tick(now: due.addingTimeInterval(1)).brokenPromises == 1)
            #expect(try await delivery.deliverDue(now: due.addingTimeInterval(1)) == 2)
            let broken = try (before + 2...before + 3).map { try MessageParser.parse(try sink.message($0)) }
            #expect(Set(broken.flatMap { $0.to.map(\.email) }) == [alice.user.email, lead.user.email])
            #expect(broken.allSatisfy { $0.subject.hasPrefix("Frontline alert: Promise broken on ticket #\(ticket.number)") })
            // The alerts' ids are not the ticket's: an answer to one never lands on the ticket.
            let references = try await MailReference.query(on: desk.app.db).all().map(\.messageID)
            #expect(!references.contains { id in ([reminder] + broken).contains { $0.messageID == id } })
        }
    }

    @Test func whileTheServerIsDownMailWaitsThenGoesOut() async throws {
        let port = try SMTPSink.freePort()
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)"), from: TestDesk.supportAddress)
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            _ = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact())
            let now = Date()
            #expect(try await MailDelivery(app: desk.app).deliverDue(now: now) == 1)
            let waiting = try #require(try await OutboxMail.query(on: desk.app.db).first())
            #expect(waiting.status == .queued)
            #expect(waiting.attempts == 1)
            #expect(waiting.lastError != nil)
            #expect(waiting.nextAttemptAt > now)
            #expect(try await MailDelivery(app: desk.app).deliverDue(now: now) == 0, "not before its next attempt")

            let sink = try SMTPSink(port: port)
            #expect(try await MailDelivery(app: desk.app).deliverDue(now: waiting.nextAttemptAt.addingTimeInterval(1)) == 1)
            #expect(sink.receivedCount() == 1)
            let sent = try #require(try await OutboxMail.query(on: desk.app.db).first())
            #expect(sent.status == .sent)
            #expect(sent.attempts == 2)
        }
    }

    @Test func aPortalSignInLinkIsMailed() async throws {
        let sink = try SMTPSink()
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress)
        // A desk that mails links has a public address (without one it does not start).
        try await TestDesk.run(mail: settings, adjust: { $0.publicURL = "https://help.example.test" }) { desk in
            let (_, token) = try await desk.staff(.agent)
            _ = try await desk.createTicket(token: token, email: "pat@example.test")
            let web = WebClient(desk)
            try await web.get("/portal/login")
            #expect(try await web.post("/portal/login", ["email": "pat@example.test"]).status == .ok)
            #expect(sink.receivedCount() == 1)
            let mail = try MessageParser.parse(try sink.message(1))
            #expect(mail.to.map(\.email) == ["pat@example.test"])
            #expect(mail.subject == "Your sign-in link")
            let link = try #require(mail.textBody.split(separator: "\n").first { $0.contains("/portal/link/") })
            #expect(link.trimmingCharacters(in: .whitespaces).hasPrefix("https://help.example.test/portal/link/"))
            let path = try #require(URL(string: String(link.trimmingCharacters(in: .whitespaces)))?.path)
            #expect(try await web.get(path).status == .ok)
            #expect(try await web.post(path).status == .seeOther, "the mailed link signs the customer in")
        }
    }

    @Test func aPermanentRejectionShowsOnTheTicket() async throws {
        let sink = try SMTPSink()
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress)
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            let inbound = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact(from: "reject-me@example.test")).decoded(InboundMailDTO.self)
            #expect(try await MailDelivery(app: desk.app).deliverDue(now: desk.app.clock.now()) == 1)
            #expect(sink.receivedCount() == 0)
            let failed = try #require(try await OutboxMail.query(on: desk.app.db).first())
            #expect(failed.status == .failed)
            let events = try await desk.send(.GET, "/api/v1/tickets/\(try #require(inbound.ticketId))/events", token: admin.token).decoded(EventList.self).events
            #expect(events.contains { $0.kind == "delivery_failed" })
        }
    }
}
