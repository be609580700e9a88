import Foundation

/// Everything Frontline needs from one inbound email, decoded and ready to store.
///
/// Built by `MessageParser`; all text is decoded to Swift strings, addresses are
/// parsed, and attachments carry their bytes and checksum.
public struct ParsedMessage: Sendable {
    /// Every header field in order, unfolded.
    public var headers: [MailHeader]
    /// Message-ID without angle brackets.
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var from: MailAddress?
    /// The Sender field, when the message was sent on behalf of `from`.
    public var sender: MailAddress?
    public var replyTo: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// Return-Path address without brackets; empty for the null sender `<>` of bounces.
    public var returnPath: String?
    /// Decoded subject, empty when there is none.
    public var subject: String
    public var date: Date?
    /// The best plain text: the text/plain parts, or text derived from the HTML.
    public var textBody: String
    /// The HTML body exactly as received: never show it without sanitising.
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    /// Messages attached as message/rfc822 (forwards, returned mail), parsed.
    public var attachedMessages: [ParsedMessage]
    /// Set for multipart/report; report-type=delivery-status bounces.
    public var deliveryStatus: DeliveryStatus?
    /// Auto-Submitted value, lowercased (RFC 3834).
    public var autoSubmitted: String?
    /// Precedence value, lowercased.
    public var precedence: String?
    /// True when any List-* header (RFC 2369/2919) is present.
    public var hasListHeaders: Bool

    /// The HTML body sanitised for display, remote images blocked.
    /// Computed on each call, so callers that show it often should keep it.
    public var sanitizedHTML: String? {
        htmlBody.map { HTMLSanitizer.sanitize($0) }
    }

    /// The sanitised HTML with `cid:` image references rewritten to the URLs the
    /// caller serves attachments at; `url` gets the Content-ID without brackets
    /// and returns nil for ids it does not know (those images stay blocked).
    public func resolvingContentIDs(allowRemoteImages: Bool = false, using url: (String) -> String?) -> String? {
        guard let htmlBody else { return nil }
        return withoutActuallyEscaping(url) { url in
            HTMLSanitizer.sanitize(htmlBody, allowRemoteImages: allowRemoteImages, contentIDURL: url)
        }
    }

    /// The first header value with that name (case-insensitive), decoded.
    public func header(_ name: String) -> String? {
        headers.first(named: name)?.value
    }
}
