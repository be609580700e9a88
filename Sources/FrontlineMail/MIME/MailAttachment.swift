import Crypto

/// A file that came with a message: a real attachment, an inline image the
/// HTML refers to by `cid:`, or a non-body part such as a returned message.
public struct MailAttachment: Sendable, Hashable {
    /// The sender's filename, or one made up from the type when none was given.
    public var filename: String
    /// Lowercased MIME type, e.g. "image/png".
    public var contentType: String
    /// The decoded bytes.
    public var data: [UInt8]
    /// Content-ID without angle brackets, for `cid:` references.
    public var contentID: String?
    /// True for parts meant to be shown in the body (inline images).
    public var isInline: Bool
    /// Lowercase hex SHA-256 of `data`: the key for de-duplicated storage.
    public var sha256: String

    public var size: Int { data.count }

    public init(filename: String, contentType: String, data: [UInt8], contentID: String? = nil, isInline: Bool = false) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.contentID = contentID
        self.isInline = isInline
        self.sha256 = SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A safe fallback name: agents download these, so never an empty name.
    static func fallbackFilename(for contentType: String, index: Int) -> String {
        let fileExtension: String
        switch contentType {
        case "message/rfc822", "message/global": fileExtension = "eml"
        case "text/rfc822-headers": fileExtension = "txt"
        case "message/delivery-status", "message/global-delivery-status": fileExtension = "txt"
        case "text/plain": fileExtension = "txt"
        case "text/html": fileExtension = "html"
        case "text/calendar": fileExtension = "ics"
        case "image/jpeg": fileExtension = "jpg"
        case "application/pdf": fileExtension = "pdf"
        default:
            let subtype = contentType.split(separator: "/").last.map(String.init) ?? "bin"
            fileExtension = subtype.allSatisfy { $0.isLetter || $0.isNumber } && subtype.count <= 5 ? subtype : "bin"
        }
        return "part-\(index).\(fileExtension)"
    }
}
