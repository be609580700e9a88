/// One node of a message's MIME tree: its headers, its still-encoded body, and
/// for multiparts and attached messages, its children.
struct MIMEPart: Sendable {
    var headers: [MailHeader]
    var contentType: ParameterizedValue
    var disposition: ParameterizedValue?
    /// Lowercased Content-Transfer-Encoding, "7bit" when absent.
    var transferEncoding: String
    /// The body as it appeared on the wire, still transfer-encoded.
    var rawBody: ArraySlice<UInt8>
    var children: [MIMEPart] = []

    var mimeType: String { contentType.value }
    var isMultipart: Bool { mimeType.hasPrefix("multipart/") }

    init(headers: [MailHeader], rawBody: ArraySlice<UInt8>, defaultType: String = "text/plain") {
        self.headers = headers
        self.rawBody = rawBody
        var contentType = ParameterizedValue.parse(headers.first(named: "Content-Type")?.rawValue ?? defaultType)
        if !contentType.value.contains("/") {
            // "text" or garbage: RFC 2045 §5.2 says treat it as the default.
            contentType.value = defaultType
        }
        self.contentType = contentType
        self.disposition = headers.first(named: "Content-Disposition").map { ParameterizedValue.parse($0.rawValue) }
        self.transferEncoding = (headers.first(named: "Content-Transfer-Encoding")?.rawValue ?? "7bit")
            .trimmingBlanks().lowercased()
    }

    /// The body after undoing the transfer encoding.
    var decodedBody: [UInt8] {
        TransferEncoding.decode(rawBody, encoding: transferEncoding)
    }

    /// The body as text in its declared charset, line endings normalised to LF.
    var decodedText: String {
        Bytes.normalisingLineEndings(Charset.decode(decodedBody, charset: contentType[parameter: "charset"]))
    }

    /// The filename from Content-Disposition, else the legacy Content-Type name.
    var filename: String? {
        let name = disposition?[parameter: "filename"] ?? contentType[parameter: "name"]
        guard let name = name?.trimmingBlanks(), !name.isEmpty else { return nil }
        return name
    }

    var contentID: String? {
        guard let raw = headers.first(named: "Content-ID")?.rawValue else { return nil }
        let id = MessageIDList.parse(raw).first ?? raw.trimmingBlanks()
        return id.isEmpty ? nil : id
    }

    var isAttachmentDisposition: Bool {
        disposition?.value == "attachment"
    }
}

extension String {
    /// Trims ASCII blanks only; cheaper than Foundation's CharacterSet trimming.
    func trimmingBlanks() -> String {
        let utf8 = Array(self.utf8)
        let trimmed = Bytes.trimmed(utf8[...])
        if trimmed.count == utf8.count { return self }
        return String(decoding: trimmed, as: UTF8.self)
    }
}
