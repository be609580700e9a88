@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A message whose row is committed as `received` but that a crash kept from being processed is
/// never lost: a redelivery processes it, and so does the recovery at start and every 30 seconds,
/// once, however many processes look at the same time.
@Suite("Inbound mail after a crash")
struct MailRecoveryTests {
    @Test func aRedeliveryOfAStoredButUnprocessedMessageProcessesIt() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let raw = MailSamples.firstContact()
            // The first half of ingest, as a process killed right after the commit leaves it.
            let stored = try await MailIngestor(app: desk.app).store(Array(raw.utf8), messageID: "first.1@client.example.test", source: "pipe", now: Date())
            #expect(stored.status == .received)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets.isEmpty)

            let again = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: raw).decoded(InboundMailDTO.self)
            #expect(again.id == stored.id, "still one message")
            #expect(again.status == "processed")
            let tickets = try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets
            #expect(tickets.map(\.id) == [try #require(again.ticketId)])
            // And a third delivery is a plain duplicate.
            _ = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: raw)
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(tickets[0].id)/messages", token: admin.token).decoded(MessageList.self).messages.count == 1)
        }
    }

    @Test func theRecoveryProcessesWhatWasLeftOnceEvenWhenSeveralRunAtOnce() async throws {
        try await TestDesk.run { desk in
            let now = Date()
            let ingestor = MailIngestor(app: desk.app)
            for index in 0..<6 {
                let raw = MailSamples.reply(from: "c\(index)@example.test", subject: "Problem \(index)", inReplyTo: nil, messageID: "left.\(index)@example.test")
                _ = try await ingestor.store(Array(raw.utf8), messageID: "left.\(index)@example.test", source: "pipe", now: now.addingTimeInterval(-120))
            }
            let young = MailSamples.reply(from: "young@example.test", subject: "Just now", inReplyTo: nil, messageID: "young@example.test")
            _ = try await ingestor.store(Array(young.utf8), messageID: "young@example.test", source: "pipe", now: now.addingTimeInterval(-5))

            // Three "instances" at once: each message is claimed by exactly one of them.
            async let a = InboundRecovery(app: desk.app).run(now: now)
            async let b = InboundRecovery(app: desk.app).run(now: now)
            async let c = InboundRecovery(app: desk.app).run(now: now)
            let processed = try await [a, b, c].reduce(0, +)
            #expect(processed == 6)
            #expect(try await Ticket.query(on: desk.app.db).count() == 6)
            #expect(try await Message.query(on: desk.app.db).count() == 6)
            #expect(try await InboundMail.query(on: desk.app.db).filter(\.$status == .processed).count() == 6)
            let left = try await InboundMail.query(on: desk.app.db).filter(\.$status == .received).all()
            #expect(left.map(\.messageID) == ["young@example.test"], "a message under a minute old may still be in its first process's hands")
            #expect(try await InboundRecovery(app: desk.app).run(now: now) == 0)
        }
    }

    /// The real binary, as an MTA runs it: the row is stored as a killed pipe leaves it, the MTA
    /// delivers again through `frontline mail ingest`, and the ticket exists; a message left behind
    /// is processed when the server starts.
    @Test func thePipeAndTheServerFinishWhatACrashLeft() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.run(["migrate"]).status == 0)
        #expect(try cli.run(["user", "create", "--email", "ops@example.test", "--name", "Ops", "--role", "admin", "--password", "correct horse"]).status == 0)
        let token = try cli.run(["token", "create", "--email", "ops@example.test"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let left = MailSamples.reply(from: "left@example.test", subject: "Left behind", inReplyTo: nil, messageID: "left.behind@example.test")
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            let ingestor = MailIngestor(app: app)
            _ = try await ingestor.store(Array(MailSamples.firstContact().utf8), messageID: "first.1@client.example.test", source: "pipe", now: Date())
            _ = try await ingestor.store(Array(left.utf8), messageID: "left.behind@example.test", source: "pipe", now: Date().addingTimeInterval(-120))
        }

        let redelivered = try cli.run(["mail", "ingest"], stdin: MailSamples.firstContact())
        #expect(redelivered.status == 0, "\(redelivered.stderr)")
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            #expect(try await Ticket.query(on: app.db).all().map(\.subject) == ["Drucker zeigt Fehler E3 – bitte helfen"])
        }

        let server = try ServerProcess(environment: [:], dataDirectory: cli.dataDirectory)
        defer { server.stop() }
        try await server.waitUntilUp()
        var subjects: [String] = []
        for _ in 0..<100 {
            let response = try await server.get("/api/v1/tickets", token: token)
            subjects = try JSONCoding.decoder.decode(TicketPage.self, from: response.body).tickets.map(\.subject)
            if subjects.count == 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(Set(subjects) == ["Drucker zeigt Fehler E3 – bitte helfen", "Left behind"], "\(server.log)")
    }

    private func withDesk(on directory: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, FrontlineConfig(dataDirectory: directory, database: .sqlite(path: directory + "/frontline.sqlite"), bcryptCost: 4, logLevel: "error"))
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
