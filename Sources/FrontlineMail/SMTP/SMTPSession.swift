import NIOCore
import NIOSSL

/// One SMTP conversation on an open connection: greeting, EHLO, STARTTLS,
/// AUTH, envelope, DATA, QUIT. Commands go one at a time (no pipelining) so
/// every failure is attributed to the command that caused it.
struct SMTPSession {
    let configuration: SMTPConfiguration
    let channel: any Channel
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var capabilities = SMTPCapabilities(ehloReply: nil)
    private var isTLS = false

    init(
        configuration: SMTPConfiguration, channel: any Channel,
        replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.configuration = configuration
        self.channel = channel
        self.replies = replies
        self.outbound = outbound
        self.isTLS = configuration.security == .implicitTLS
    }

    mutating func deliver(from sender: String, to recipients: [String], message: [UInt8]) async throws -> SMTPDeliveryReport {
        try expect(await nextReply(for: "greeting"), 220, command: "greeting")
        try await hello()
        try await negotiateTLS()
        try await authenticate()

        var mailFrom = "MAIL FROM:<\(sender)>"
        if capabilities.has("8BITMIME") && SMTPDataEncoder.needsEightBit(message) { mailFrom += " BODY=8BITMIME" }
        if capabilities.has("SMTPUTF8") && !(sender + recipients.joined()).utf8.allSatisfy({ $0 < 0x80 }) {
            mailFrom += " SMTPUTF8"
        }
        try expect(await command(mailFrom), 250, command: "MAIL FROM")

        var accepted: [String] = []
        var rejected: [SMTPRecipientRejection] = []
        for recipient in recipients {
            let reply = try await command("RCPT TO:<\(recipient)>")
            if reply.code == 250 || reply.code == 251 {
                accepted.append(recipient)
            } else {
                rejected.append(SMTPRecipientRejection(recipient: recipient, code: reply.code, message: reply.text))
            }
        }
        guard !accepted.isEmpty else {
            await quit()
            throw SMTPError.recipientsRejected(rejected)
        }
        try expect(await command("DATA"), 354, command: "DATA")
        try await outbound.write(ByteBuffer(bytes: SMTPDataEncoder.encode(message)))
        let final = try await nextReply(for: "the end of DATA")
        try expect(final, 250, command: "DATA")
        await quit()
        return SMTPDeliveryReport(acceptedRecipients: accepted, rejectedRecipients: rejected, serverResponse: final.text)
    }

    /// EHLO, falling back to HELO for servers from the last century.
    private mutating func hello() async throws {
        let reply = try await command("EHLO \(configuration.heloName)")
        if reply.code == 250 {
            capabilities = SMTPCapabilities(ehloReply: reply)
            return
        }
        try expect(await command("HELO \(configuration.heloName)"), 250, command: "HELO")
        capabilities = SMTPCapabilities(ehloReply: nil)
    }

    private mutating func negotiateTLS() async throws {
        guard case .startTLS(let policy) = configuration.security, policy != .never else { return }
        guard capabilities.has("STARTTLS") else {
            if policy == .required { throw SMTPError.startTLSUnavailable }
            return
        }
        try expect(await command("STARTTLS"), 220, command: "STARTTLS")
        let context = try Self.makeTLSContext(configuration)
        let hostname = Self.sniName(configuration.host)
        try await channel.eventLoop.submit { [channel] in
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: context, serverHostname: hostname), position: .first
            )
        }.get()
        isTLS = true
        // RFC 3207 §4.2: forget everything learnt before TLS and ask again.
        try await hello()
    }

    private mutating func authenticate() async throws {
        guard let username = configuration.username else { return }
        // Credentials never cross a network in clear text by accident: only over TLS, to a server on
        // this machine, or when the admin chose `starttls=never` on purpose.
        guard isTLS || configuration.security == .startTLS(.never) || Self.isLoopback(configuration.host) else {
            throw SMTPError.startTLSUnavailable
        }
        let password = configuration.password ?? ""
        if capabilities.authMechanisms.contains("PLAIN") {
            let token = Base64.encode(Array("\0\(username)\0\(password)".utf8))
            try expect(await command("AUTH PLAIN \(token)", redacted: true), 235, command: "AUTH PLAIN")
        } else if capabilities.authMechanisms.contains("LOGIN") {
            try expect(await command("AUTH LOGIN"), 334, command: "AUTH LOGIN")
            try expect(await command(Base64.encode(Array(username.utf8)), redacted: true), 334, command: "AUTH LOGIN")
            try expect(await command(Base64.encode(Array(password.utf8)), redacted: true), 235, command: "AUTH LOGIN")
        } else {
            throw SMTPError.authenticationUnavailable
        }
    }

    /// `localhost`, `::1` or an IPv4 literal in 127.0.0.0/8 (a name that merely starts with "127." is not).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// QUIT is a courtesy: the message is already accepted, so errors are ignored.
    private mutating func quit() async {
        _ = try? await command("QUIT")
    }

    private mutating func command(_ line: String, redacted: Bool = false) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        let name = redacted ? "AUTH" : String(line.prefix { $0 != " " && $0 != ":" })
        return try await nextReply(for: "the reply to \(name)")
    }

    private mutating func nextReply(for step: String) async throws -> SMTPReply {
        do {
            guard let reply = try await replies.next() else { throw SMTPError.connectionClosed(step) }
            return reply
        } catch SMTPError.timedOut {
            throw SMTPError.timedOut(step)
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, command: String) throws {
        guard reply.code == code else {
            if reply.code >= 400 {
                throw SMTPError.rejected(command: command, code: reply.code, message: reply.text)
            }
            throw SMTPError.protocolViolation("\(command): expected \(code), got \(reply.code) \(reply.text)")
        }
    }

    static func makeTLSContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if configuration.tlsVerification == .none {
            tls.certificateVerification = .none
        }
        return try NIOSSLContext(configuration: tls)
    }

    /// SNI must be a host name, never an IP literal (RFC 6066 §3).
    static func sniName(_ host: String) -> String? {
        let isIPv4 = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIPv4 || host.contains(":") ? nil : host
    }
}

/// The extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1).
struct SMTPCapabilities: Sendable {
    private var keywords: [String: [String]] = [:]

    init(ehloReply: SMTPReply?) {
        guard let lines = ehloReply?.lines.dropFirst() else { return }
        for line in lines {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            keywords[keyword, default: []] += words.dropFirst()
        }
    }

    func has(_ keyword: String) -> Bool {
        keywords[keyword] != nil
    }

    var authMechanisms: Set<String> {
        Set(keywords["AUTH"] ?? [])
    }
}
