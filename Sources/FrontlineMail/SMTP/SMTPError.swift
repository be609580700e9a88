/// Why sending failed, split the way a retry queue needs it: `isPermanent`
/// errors bounce the message to the agent, all others are retried later.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Connection refused, reset, or the host could not be resolved.
    case connectionFailed(String)
    /// No connection or no reply within the configured time; names the step.
    case timedOut(String)
    /// The server hung up mid-conversation.
    case connectionClosed(String)
    /// TLS handshake or certificate failure.
    case tls(String)
    /// The server answered a command with a 4xx or 5xx reply.
    case rejected(command: String, code: Int, message: String)
    /// Every recipient was refused at RCPT TO.
    case recipientsRejected([SMTPRecipientRejection])
    /// starttls=required but the server does not offer STARTTLS.
    case startTLSUnavailable
    /// Credentials are configured but the server offers no AUTH method we speak.
    case authenticationUnavailable
    /// An address with characters that cannot go into an SMTP command.
    case invalidAddress(String)
    /// The server sent something that is not SMTP.
    case protocolViolation(String)

    /// 5xx replies and unusable addresses fail the same way on every retry.
    public var isPermanent: Bool {
        switch self {
        case .rejected(_, let code, _): return code >= 500
        case .recipientsRejected(let rejections): return rejections.allSatisfy { $0.code >= 500 }
        case .invalidAddress: return true
        default: return false
        }
    }

    /// The server's reply code when there was one.
    public var code: Int? {
        switch self {
        case .rejected(_, let code, _): return code
        case .recipientsRejected(let rejections): return rejections.first?.code
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let detail): return "SMTP connection failed: \(detail)"
        case .timedOut(let step): return "SMTP timed out waiting for \(step)"
        case .connectionClosed(let step): return "SMTP server closed the connection during \(step)"
        case .tls(let detail): return "SMTP TLS failure: \(detail)"
        case .rejected(let command, let code, let message): return "SMTP \(command) rejected: \(code) \(message)"
        case .recipientsRejected(let rejections):
            return "SMTP rejected every recipient: " + rejections.map(\.description).joined(separator: "; ")
        case .startTLSUnavailable: return "the SMTP server does not offer STARTTLS, which is required here (credentials only travel encrypted; add ?starttls=never to the SMTP_URL to allow clear text on a trusted network)"
        case .authenticationUnavailable: return "SMTP server offers no supported AUTH mechanism (PLAIN, LOGIN)"
        case .invalidAddress(let address): return "Invalid address for SMTP: \(address)"
        case .protocolViolation(let detail): return "SMTP protocol violation: \(detail)"
        }
    }
}

/// A recipient the server refused at RCPT TO.
public struct SMTPRecipientRejection: Sendable, Hashable, CustomStringConvertible {
    public var recipient: String
    public var code: Int
    public var message: String

    public var isPermanent: Bool { code >= 500 }

    public var description: String { "\(recipient): \(code) \(message)" }
}

/// What happened to a message the server accepted.
public struct SMTPDeliveryReport: Sendable, Hashable {
    public var acceptedRecipients: [String]
    /// Recipients refused while others were accepted: tell the agent.
    public var rejectedRecipients: [SMTPRecipientRejection]
    /// The server's final reply text, which usually carries its queue id.
    public var serverResponse: String
}
