import Foundation

/// A message Frontline sends: an agent's reply, an acknowledgement, a
/// notification. `rendered(date:)` turns it into RFC 5322 bytes for SMTP.
public struct OutboundMail: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var textBody: String
    /// When set, the message is multipart/alternative with this as the rich part.
    public var htmlBody: String?
    /// Without angle brackets; see `MessageID.make(domain:)`.
    public var messageID: String
    /// The customer message being answered, without angle brackets.
    public var inReplyTo: String?
    /// The thread so far, oldest first, without angle brackets.
    public var references: [String]
    /// Further fields, e.g. ("Auto-Submitted", "auto-replied"); values may be non-ASCII.
    public var extraHeaders: [(String, String)]

    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil,
        subject: String, textBody: String, htmlBody: String? = nil, messageID: String,
        inReplyTo: String? = nil, references: [String] = [], extraHeaders: [(String, String)] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
    }

    /// Envelope recipients for SMTP RCPT TO: To and Cc, without duplicates.
    public var recipients: [String] {
        var seen = Set<String>()
        return (to + cc).map(\.email).filter { seen.insert($0).inserted }
    }

    /// The complete message: CRLF line endings, 7-bit clean, lines within 78 characters.
    public func rendered(date: Date) -> [UInt8] {
        MessageRenderer.render(self, date: date)
    }
}

/// Message-IDs for outbound mail (RFC 5322 §3.6.4).
public enum MessageID {
    /// What starts the local part of every id Frontline makes, so that our own mail coming back
    /// (a forward, a misconfigured alias, a copy to the desk) is recognised as a loop.
    static let marker = "fl-"

    /// A globally unique id "fl-<time>.<random>.<random>@<domain>" without brackets; 128 random
    /// bits so ids from several Frontline instances never collide.
    public static func make(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2).map { _ in String(generator.next() as UInt64, radix: 36) }.joined(separator: ".")
        let millis = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)
        let host = domain.isEmpty ? "frontline.invalid" : domain
        return "\(marker)\(millis).\(random)@\(host)"
    }

    /// True for an id of the shape `make(domain:)` produces: three base-36 words after the marker.
    public static func isFrontline(_ id: String) -> Bool {
        guard let at = id.lastIndex(of: "@"), id.hasPrefix(marker) else { return false }
        let words = id[id.index(id.startIndex, offsetBy: marker.count)..<at].split(separator: ".", omittingEmptySubsequences: false)
        return words.count == 3 && words.allSatisfy { word in
            !word.isEmpty && word.count <= 13 && word.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
        }
    }
}
