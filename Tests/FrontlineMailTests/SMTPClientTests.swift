import TestSupport
import Foundation
import Testing
@testable import FrontlineMail

/// The SMTP client against a real server (aiosmtpd). Serialized: each test
/// starts its own Python process, and two at a time only slow CI down.
@Suite(.serialized, .enabled(if: SMTPSink.isAvailable, "python3 with aiosmtpd is not installed (pip install aiosmtpd)"))
struct SMTPClientTests {
    func client(port: Int, url: String? = nil, replyTimeout: Duration = .seconds(10)) throws -> SMTPClient {
        var configuration = try SMTPConfiguration(url: url ?? "smtp://127.0.0.1:\(port)")
        configuration.replyTimeout = replyTimeout
        configuration.connectTimeout = .seconds(5)
        return SMTPClient(configuration: configuration)
    }

    func composedMessage() -> [UInt8] {
        let text = "From: Support <support@frontline.test>\nTo: jane@example.com\nSubject: Grüße\n"
            + "Message-ID: <smtp-1@frontline.test>\nContent-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: 8bit\n\nHallo Jörg,\n.a line starting with a dot\n.\nend\n"
        return Array(text.utf8)
    }

    @Test func deliversWithDotStuffingAndEightBit() async throws {
        let sink = try SMTPSink()
        let report = try await client(port: sink.port)
            .send(from: "support@frontline.test", to: ["jane@example.com"], message: composedMessage())
        #expect(report.acceptedRecipients == ["jane@example.com"])
        #expect(report.serverResponse.contains("queued as TEST1"))
        let received = try MessageParser.parse(try sink.message(1))
        #expect(received.subject == "Grüße")
        #expect(received.messageID == "smtp-1@frontline.test")
        #expect(received.textBody == "Hallo Jörg,\n.a line starting with a dot\n.\nend\n")
        let envelope = try sink.envelope(1)
        #expect(envelope["from"] as? String == "support@frontline.test")
        #expect((envelope["options"] as? [String])?.contains("BODY=8BITMIME") == true)
    }

    @Test func composerOutputArrivesIntact() async throws {
        let sink = try SMTPSink()
        let mail = OutboundMail(
            from: MailAddress(name: "Frontline", email: "support@frontline.test"),
            to: [MailAddress(email: "jane@example.com")], cc: [MailAddress(email: "boss@example.com")],
            subject: "[#5] Ünïcödé", textBody: "Line\n.dot\nÄnd", htmlBody: "<p>Änd</p>",
            messageID: MessageID.make(domain: "frontline.test")
        )
        try await client(port: sink.port).send(from: mail.from.email, to: mail.recipients, message: mail.rendered(date: Date()))
        let received = try MessageParser.parse(try sink.message(1))
        #expect(received.subject == "[#5] Ünïcödé")
        #expect(received.textBody == "Line\n.dot\nÄnd")
        #expect(received.htmlBody == "<p>Änd</p>")
        #expect((try sink.envelope(1)["to"] as? [String]) == ["jane@example.com", "boss@example.com"])
    }

    @Test func partialRecipientRejection() async throws {
        let sink = try SMTPSink()
        let report = try await client(port: sink.port)
            .send(from: "support@frontline.test", to: ["ok@example.com", "reject@example.com"], message: composedMessage())
        #expect(report.acceptedRecipients == ["ok@example.com"])
        #expect(report.rejectedRecipients.map(\.recipient) == ["reject@example.com"])
        #expect(report.rejectedRecipients.first?.code == 550)
        #expect(sink.receivedCount() == 1)
    }

    @Test func allRecipientsRejectedIsPermanent() async throws {
        let sink = try SMTPSink()
        await #expect {
            try await client(port: sink.port).send(from: "s@frontline.test", to: ["reject@example.com"], message: composedMessage())
        } throws: { error in
            guard let error = error as? SMTPError, case .recipientsRejected(let rejections) = error else { return false }
            return error.isPermanent && error.code == 550 && rejections.count == 1
        }
    }

    @Test func temporaryRecipientFailureIsTransient() async throws {
        let sink = try SMTPSink()
        await #expect {
            try await client(port: sink.port).send(from: "s@frontline.test", to: ["tempfail@example.com"], message: composedMessage())
        } throws: { error in
            (error as? SMTPError).map { !$0.isPermanent && $0.code == 451 } ?? false
        }
    }

    @Test func dataRejectionCarriesCodeAndText() async throws {
        let sink = try SMTPSink(arguments: ["--data-reply", "554 5.7.1 Message refused"])
        await #expect {
            try await client(port: sink.port).send(from: "s@frontline.test", to: ["a@example.com"], message: composedMessage())
        } throws: { error in
            error as? SMTPError == .rejected(command: "DATA", code: 554, message: "5.7.1 Message refused")
        }
    }

    @Test func authenticatesWithPercentEncodedCredentials() async throws {
        let sink = try SMTPSink(arguments: ["--auth", "desk@frontline.test:s3cr:t"])
        let good = try client(port: sink.port, url: "smtp://desk%40frontline.test:s3cr%3At@127.0.0.1:\(sink.port)?starttls=never")
        try await good.send(from: "s@frontline.test", to: ["a@example.com"], message: composedMessage())
        #expect(sink.receivedCount() == 1)
        let bad = try client(port: sink.port, url: "smtp://desk%40frontline.test:wrong@127.0.0.1:\(sink.port)")
        await #expect {
            try await bad.send(from: "s@frontline.test", to: ["a@example.com"], message: composedMessage())
        } throws: { error in
            (error as? SMTPError).map { $0.isPermanent && $0.code == 535 } ?? false
        }
    }

    /// STARTTLS for real: the server offers it, requires it, and accepts AUTH only after it.
    @Test func upgradesWithStartTLSAndThenAuthenticates() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let (certificate, key) = SMTPSink.makeCertificate(in: directory) else {
            Issue.record("openssl is needed to make a test certificate")
            return
        }
        let sink = try SMTPSink(arguments: ["--tls", "\(certificate),\(key)", "--auth", "desk:s3cret"])
        var configuration = try SMTPConfiguration(url: "smtp://desk:s3cret@127.0.0.1:\(sink.port)?starttls=required")
        configuration.tlsVerification = .none  // a self-signed test certificate
        configuration.replyTimeout = .seconds(10)
        let report = try await SMTPClient(configuration: configuration)
            .send(from: "support@frontline.test", to: ["jane@example.com"], message: composedMessage())
        #expect(report.acceptedRecipients == ["jane@example.com"])
        #expect(sink.receivedCount() == 1)

        // With verification on, a certificate nobody vouches for is refused: no mail, no credentials.
        var strict = configuration
        strict.tlsVerification = .full
        await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: strict).send(from: "support@frontline.test", to: ["jane@example.com"], message: composedMessage())
        }
        #expect(sink.receivedCount() == 1)
    }

    @Test func startTLSRequiredButNotOffered() async throws {
        let sink = try SMTPSink()
        let strict = try client(port: sink.port, url: "smtp://127.0.0.1:\(sink.port)?starttls=required")
        await #expect(throws: SMTPError.startTLSUnavailable) {
            try await strict.send(from: "s@frontline.test", to: ["a@example.com"], message: composedMessage())
        }
    }

    @Test func silentServerTimesOut() async throws {
        let sink = try SMTPSink(arguments: ["--silent"])
        let clock = ContinuousClock()
        let start = clock.now
        await #expect {
            try await client(port: sink.port, replyTimeout: .milliseconds(500))
                .send(from: "s@frontline.test", to: ["a@example.com"], message: composedMessage())
        } throws: { error in
            guard let error = error as? SMTPError, case .timedOut = error else { return false }
            return !error.isPermanent
        }
        #expect(clock.now - start < .seconds(5))
    }
}

/// Failures that need no server at all.
@Suite struct SMTPClientOfflineTests {
    @Test func serverDownIsTransient() async throws {
        var configuration = try SMTPConfiguration(url: "smtp://127.0.0.1:1")
        configuration.connectTimeout = .seconds(5)
        await #expect {
            try await SMTPClient(configuration: configuration).send(from: "a@x.test", to: ["b@x.test"], message: [65])
        } throws: { error in
            guard let error = error as? SMTPError, case .connectionFailed = error else { return false }
            return !error.isPermanent
        }
    }

    @Test func commandInjectionIsRefused() async throws {
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:1"))
        await #expect(throws: SMTPError.invalidAddress("a@x.test>\r\nRCPT TO:<evil@x.test")) {
            try await client.send(from: "a@x.test>\r\nRCPT TO:<evil@x.test", to: ["b@x.test"], message: [65])
        }
    }
}

/// Which servers may receive credentials without TLS.
@Suite struct SMTPCredentialSafetyTests {
    @Test(arguments: [("127.0.0.1", true), ("127.5.6.7", true), ("localhost", true), ("::1", true),
                      ("smtp.example.com", false), ("10.0.0.5", false), ("127.example.com", false), ("127.0.0.256", false)])
    func onlyLoopbackServersGetCredentialsInClearText(host: String, isLoopback: Bool) {
        #expect(SMTPSession.isLoopback(host) == isLoopback)
    }
}
