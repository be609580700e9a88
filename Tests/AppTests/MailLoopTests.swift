@testable import App
import Fluent
import FrontlineMail
import Foundation
import TestSupport
import Testing
import Vapor
import VaporTesting

/// The desk never talks to itself: it copies none of its own addresses, and mail carrying a
/// Message-ID it generated is our own coming back, not a customer.
@Suite("Mail loops")
struct MailLoopTests {
    @Test func aMessageCarryingOurMessageIDIsALoopNotCustomerMail() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let corpus = try await ingest(desk, admin.token, try MailCorpus.text("52-own-message-id-loop.eml"))
            #expect(corpus.status == "ignored")
            #expect(corpus.error?.contains("Message-ID Frontline generated") == true)

            // An id we sent before ids had their marker: known from the outbox.
            let ticketId = try #require(try await ingest(desk, admin.token, MailSamples.firstContact()).ticketId)
            try await desk.app.write { db in
                let mail = OutboxMail(ticketId: ticketId, messageId: nil, kind: .acknowledgement, recipient: "zoe@example.test", at: Date())
                mail.headerMessageID = "old-style.1@frontline.test"
                try await mail.create(on: db)
            }
            let old = try await ingest(desk, admin.token, MailSamples.reply(from: "zoe@example.test", subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "old-style.1@frontline.test"))
            #expect(old.status == "ignored")
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/messages", token: admin.token).decoded(MessageList.self).messages.count == 1)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets.count == 1)
        }
    }

    @Test func mailFromTheSupportAddressSetUnderAdminIsALoop() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            try await desk.app.write { db in try await DeskSetting.set("support_address", to: "Help@Acme.example", on: db, at: Date()) }
            let record = try await ingest(desk, admin.token, MailSamples.reply(from: "help@acme.example", subject: "Copy", inReplyTo: nil, messageID: "copy@acme.example"))
            #expect(record.status == "ignored")
        }
    }

    @Test(.enabled(if: SMTPSink.isAvailable, "python3 with aiosmtpd is not installed (pip install aiosmtpd)"))
    func outboundMailNeverCopiesTheDesksOwnAddresses() async throws {
        let sink = try SMTPSink()
        let settings = MailSettings(
            smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress, extraAddresses: ["billing@frontline.test"])
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            let agent = try await desk.staff(.agent)
            let ticketId = try #require(try await ingest(desk, admin.token, MailSamples.firstContact(cc: "Ben <ben@example.test>")).ticketId)
            // Participants a desk without MAIL_FROM recorded before (issue 11: the pipe did not know its own address).
            try await desk.app.write { db in
                try await DeskSetting.set("support_address", to: "help@frontline.test", on: db, at: Date())
                for own in ["support@frontline.test", "billing@frontline.test", "help@frontline.test", "zoe@example.test"] {
                    try await TicketParticipant(ticketId: ticketId, email: own, name: nil, at: Date()).create(on: db)
                }
            }
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/messages", token: agent.token, json: ["body": "Bitte neu starten."])
            #expect(try await MailDelivery(app: desk.app).deliverDue(now: desk.app.clock.now()) == 2)
            let envelopes = try (1...sink.receivedCount()).map { try sink.envelope($0)["to"] as? [String] ?? [] }
            #expect(envelopes.sorted { $0.count < $1.count } == [["zoe@example.test"], ["zoe@example.test", "ben@example.test"]])
            let reply = try (1...2).map { try MessageParser.parse(try sink.message($0)) }.first { $0.autoSubmitted == nil }
            #expect(reply?.cc.map(\.email) == ["ben@example.test"])
        }
    }

    private func ingest(_ desk: TestDesk, _ token: String, _ raw: String) async throws -> InboundMailDTO {
        let response = try await desk.send(.POST, "/api/v1/mail/inbound", token: token, raw: raw, contentType: HTTPMediaType(type: "message", subType: "rfc822"))
        #expect(response.status == .accepted, "\(response.body.string)")
        return try response.decoded(InboundMailDTO.self)
    }
}

/// The pipe and the server share one source of mail settings: a bare `frontline mail ingest`, with
/// only the data directory in its environment (as Postfix runs it), behaves like the server.
@Suite("Mail settings shared by the server and the pipe")
struct MailSettingsSharingTests {
    @Test func aBarePipeKnowsTheDesksAddressesFromTheServer() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let server = try ServerProcess(
            environment: ["MAIL_FROM": "Help Desk <help@desk.example.test>", "FRONTLINE_MAIL_ADDRESSES": "billing@desk.example.test", "FRONTLINE_MAIL_ACK": "off"],
            dataDirectory: cli.dataDirectory)
        try await server.waitUntilUp()
        server.stop()

        let loop = try cli.run(["mail", "ingest"], stdin: MailSamples.reply(from: "billing@desk.example.test", subject: "Copy", inReplyTo: nil, messageID: "copy.1@desk.example.test"))
        #expect(loop.status == 0, "\(loop.stderr)")
        let customer = MailSamples.reply(
            from: "pat@example.test", subject: "Printer", inReplyTo: nil, messageID: "pat.1@example.test",
            headers: "Cc: Help Desk <help@desk.example.test>, billing@desk.example.test, kim@example.test\r\n")
        #expect(try cli.run(["mail", "ingest"], stdin: customer).status == 0)
        // The environment still wins over what is stored.
        let overridden = try cli.run(["mail", "ingest"], environment: ["FRONTLINE_MAIL_ACK": "on"], stdin: MailSamples.reply(from: "lee@example.test", subject: "Scanner", inReplyTo: nil, messageID: "lee.1@example.test"))
        #expect(overridden.status == 0)

        let app = try await Application.make(.testing)
        do {
            try await configure(app, FrontlineConfig(dataDirectory: cli.dataDirectory, database: .sqlite(path: cli.dataDirectory + "/frontline.sqlite"), bcryptCost: 4, logLevel: "error"))
            let records = try await InboundMail.query(on: app.db).all()
            #expect(records.first { $0.messageID == "copy.1@desk.example.test" }?.status == .ignored)
            // (The samples' To, support@frontline.test, is not this desk's address: an ordinary copy.)
            let copied = Set(try await TicketParticipant.query(on: app.db).all().map(\.email))
            #expect(copied == ["kim@example.test", "support@frontline.test"], "the stored desk addresses are never participants")
            let acknowledged = try await OutboxMail.query(on: app.db).all().map(\.recipient)
            #expect(acknowledged == ["lee@example.test"], "FRONTLINE_MAIL_ACK=off came from the server; the pipe's own =on overrides it")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
