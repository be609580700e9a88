/// Builds the MIME tree of a message from its bytes.
///
/// Hostile input cannot hang or exhaust the stack: nesting stops at
/// `maximumDepth` (deeper parts are kept as opaque attachments) and splitting
/// stops after `maximumParts` parts. Broken structure degrades: a multipart
/// without any delimiter becomes a single text part, a missing closing
/// delimiter keeps everything up to the end.
struct MIMETreeBuilder {
    static let maximumDepth = 20
    static let maximumParts = 1_000

    private var partCount = 0

    mutating func build(headers: [MailHeader], body: ArraySlice<UInt8>) -> MIMEPart {
        part(headers: headers, body: body, defaultType: "text/plain", depth: 0)
    }

    private mutating func part(
        headers: [MailHeader], body: ArraySlice<UInt8>, defaultType: String, depth: Int
    ) -> MIMEPart {
        partCount += 1
        var part = MIMEPart(headers: headers, rawBody: body, defaultType: defaultType)
        guard depth < Self.maximumDepth, partCount < Self.maximumParts else {
            if part.isMultipart || part.mimeType == "message/rfc822" {
                part.contentType = ParameterizedValue(value: "application/octet-stream", parameters: [:])
            }
            return part
        }
        if part.isMultipart {
            splitMultipart(&part, depth: depth)
        } else if part.mimeType == "message/rfc822" || part.mimeType == "message/global" {
            let inner = part.decodedBody[...]
            let block = HeaderBlock.parse(inner)
            if !block.headers.isEmpty {
                part.children = [self.part(
                    headers: block.headers, body: inner[block.bodyStart...], defaultType: "text/plain", depth: depth + 1
                )]
            }
        }
        return part
    }

    private mutating func splitMultipart(_ part: inout MIMEPart, depth: Int) {
        let boundary = part.contentType[parameter: "boundary"] ?? Self.guessBoundary(part.rawBody)
        guard let boundary, !boundary.isEmpty,
              let bodies = MultipartSplitter.split(part.rawBody, boundary: Array(boundary.utf8)) else {
            // No usable delimiter: show whatever is there as text rather than lose it.
            part.contentType = ParameterizedValue(value: "text/plain", parameters: [:])
            return
        }
        let childDefault = part.mimeType == "multipart/digest" ? "message/rfc822" : "text/plain"
        for body in bodies {
            guard partCount < Self.maximumParts else { break }
            let block = HeaderBlock.parse(body)
            part.children.append(self.part(
                headers: block.headers, body: body[block.bodyStart...], defaultType: childDefault, depth: depth + 1
            ))
        }
    }

    /// A multipart whose boundary parameter got lost: the first line that looks
    /// like a delimiter ("--" and a token) is taken as the boundary.
    private static func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        var index = body.startIndex
        var linesChecked = 0
        while index < body.endIndex, linesChecked < 50 {
            let line = Bytes.lineEnd(in: body, from: index)
            let content = Bytes.trimmed(body[index..<line.contentEnd])
            if content.count > 3, content.starts(with: [45, 45]), !content.contains(Bytes.space) {
                return String(decoding: content.dropFirst(2), as: UTF8.self)
            }
            index = line.next
            linesChecked += 1
        }
        return nil
    }
}

/// Cuts a multipart body into its parts at the delimiter lines (RFC 2046 §5.1.1).
enum MultipartSplitter {
    /// The bodies between delimiters, or nil when no delimiter occurs at all.
    /// A missing close delimiter ends the last part at the end of the input.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>]? {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        var index = body.startIndex
        var previousLineBreakStart = body.startIndex
        while index < body.endIndex {
            let line = Bytes.lineEnd(in: body, from: index)
            if let kind = delimiterKind(body[index..<line.contentEnd], boundary: boundary) {
                if let start = partStart {
                    // The line break before a delimiter belongs to the delimiter.
                    parts.append(body[start..<max(start, previousLineBreakStart)])
                }
                if kind == .close {
                    return parts
                }
                partStart = line.next
            }
            previousLineBreakStart = line.contentEnd
            index = line.next
        }
        guard let start = partStart else { return nil }
        if start < body.endIndex {
            parts.append(body[start...])
        }
        return parts
    }

    private enum DelimiterKind { case open, close }

    private static func delimiterKind(_ line: ArraySlice<UInt8>, boundary: [UInt8]) -> DelimiterKind? {
        guard line.count >= boundary.count + 2,
              line[line.startIndex] == 45, line[line.startIndex + 1] == 45 else { return nil }
        var index = line.startIndex + 2
        for byte in boundary {
            if line[index] != byte { return nil }
            index += 1
        }
        let rest = line[index...]
        if rest.starts(with: [45, 45]) { return .close }
        // Only transport padding may follow; anything else means a longer boundary.
        return rest.allSatisfy { $0 == Bytes.space || $0 == Bytes.tab } ? .open : nil
    }
}
