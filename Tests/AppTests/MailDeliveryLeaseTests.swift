@testable import App
import Fluent
import FrontlineMail
import Foundation
import TestSupport
import Testing
import Vapor
import VaporTesting

/// Several instances deliver from one outbox: each mail is claimed on its own with a lease token,
/// renewed while a slow server keeps it busy, and only the holder finishes it. So every mail arrives
/// exactly once even when the deliveries take longer than the lease.
@Suite("Outbound mail with several delivery workers", .enabled(if: SMTPSink.isAvailable, "python3 with aiosmtpd is not installed (pip install aiosmtpd)"))
struct MailDeliveryLeaseTests {
    @Test func twoWorkersAgainstOneSlowServerSendEveryMailExactlyOnce() async throws {
        // Every DATA takes 1.2 s; a lease of 6 s runs out under a batch of mails (the old claim
        // covered up to 20 at once) unless each mail is claimed and renewed on its own. (Not
        // shorter: inside the whole suite on two cores a renewal may wait its turn to write for
        // several seconds; with a 3 s lease one mail in ten was sometimes sent twice.)
        let sink = try SMTPSink(arguments: ["--delay", "1.2"])
        // The app's own worker looks once at start, then not for an hour: the test runs the workers.
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress, deliveryInterval: .seconds(3600))
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            try await bootAndLetTheAppsOwnWorkerPass(desk)
            for index in 0..<10 {
                let mail = MailSamples.reply(from: "c\(index)@example.test", subject: "Problem \(index)", inReplyTo: nil, messageID: "p\(index)@example.test")
                _ = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: mail)
            }
            #expect(try await OutboxMail.query(on: desk.app.db).count() == 10)

            let first = MailDelivery(app: desk.app, lease: 6)
            let second = MailDelivery(app: desk.app, lease: 6)
            async let a = first.deliverDue(now: Date())
            async let b = second.deliverDue(now: Date())
            // A third comes later, when the first leases would have run out without renewal.
            try await Task.sleep(for: .milliseconds(7000))
            let c = try await MailDelivery(app: desk.app, lease: 6).deliverDue(now: Date())
            let attempted = try await a + b + c
            #expect(attempted == 10, "each mail was claimed by exactly one worker")

            #expect(sink.receivedCount() == 10)
            let ids = try (1...sink.receivedCount()).compactMap { try MessageParser.parse(try sink.message($0)).messageID }
            #expect(Set(ids).count == 10, "no mail arrived twice")
            let outbox = try await OutboxMail.query(on: desk.app.db).all()
            #expect(outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 && $0.leaseToken == nil })
            #expect(try await TicketEvent.query(on: desk.app.db).filter(\.$kind == "mail_sent").count() == 10)
        }
    }

    @Test func aWorkerWhoseLeaseWasTakenOverDoesNotRecordItsOutcome() async throws {
        let sink = try SMTPSink(arguments: ["--delay", "0.6"])
        // The app's own worker looks once at start, then not for an hour: the test runs the workers.
        let settings = MailSettings(smtp: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)"), from: TestDesk.supportAddress, deliveryInterval: .seconds(3600))
        try await TestDesk.run(mail: settings) { desk in
            let admin = try await desk.staff(.admin)
            try await bootAndLetTheAppsOwnWorkerPass(desk)
            _ = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact())
            let id = try #require(try await OutboxMail.query(on: desk.app.db).first()?.id)
            async let sending = MailDelivery(app: desk.app, lease: 30).deliverDue(now: Date())
            // While it sends, an operator's clock jump (or a stuck instance) lets another take it over:
            // wait until the worker holds the mail (the slowed server keeps it talking for seconds).
            for _ in 0..<400 {
                if let held = try await OutboxMail.find(id, on: desk.app.db), held.status == .sending, held.leaseToken != nil { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            try await desk.app.write { db in
                try await OutboxMail.query(on: db).filter(\.$id == id).set(\.$leaseToken, to: "someone-else").update()
            }
            #expect(try await sending == 1)
            let entry = try #require(try await OutboxMail.find(id, on: desk.app.db))
            #expect(entry.status == .sending, "the outcome belongs to the new holder")
            #expect(entry.leaseToken == "someone-else")
            #expect(try await TicketEvent.query(on: desk.app.db).filter(\.$kind == "mail_sent").count() == 0)
        }
    }

    private func bootAndLetTheAppsOwnWorkerPass(_ desk: TestDesk) async throws {
        _ = try await desk.send(.GET, "/healthz")
        try await Task.sleep(for: .milliseconds(300))
    }
}
