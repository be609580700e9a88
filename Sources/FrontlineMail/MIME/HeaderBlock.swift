/// Splits the header block off a message or body part and unfolds its fields.
///
/// Works on bytes so that a 5 KB message costs microseconds. The block ends at
/// the first empty line or at the first line that is neither a field nor a
/// continuation: such a line is kept as the start of the body, because a sender
/// that forgot the empty line still sent a body we must not lose.
struct HeaderBlock {
    var headers: [MailHeader]
    /// Where the body starts in the parsed slice.
    var bodyStart: Int
    /// True when a leading mbox "From " envelope line was skipped.
    var hadEnvelopeLine: Bool

    static func parse(_ bytes: ArraySlice<UInt8>) -> HeaderBlock {
        var headers: [MailHeader] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        var hadEnvelopeLine = false
        if bytes.starts(with: Self.envelopePrefix) {
            index = Bytes.lineEnd(in: bytes, from: index).next
            hadEnvelopeLine = true
        }
        var pendingName: ArraySlice<UInt8>? = nil
        var pendingValue: [UInt8] = []

        func flush() {
            guard let name = pendingName else { return }
            headers.append(MailHeader(
                name: String(decoding: name, as: UTF8.self),
                rawValue: Charset.decodeGuessing(Bytes.trimmed(pendingValue[...]))
            ))
            pendingName = nil
            pendingValue.removeAll(keepingCapacity: true)
        }

        while index < end {
            let line = Bytes.lineEnd(in: bytes, from: index)
            let content = bytes[index..<line.contentEnd]
            if content.isEmpty {
                flush()
                return HeaderBlock(headers: headers, bodyStart: line.next, hadEnvelopeLine: hadEnvelopeLine)
            }
            let first = content[content.startIndex]
            let startsBlank = first == Bytes.space || first == Bytes.tab
            if startsBlank && headers.isEmpty && pendingName == nil {
                // A first line that starts with whitespace continues nothing. Python's email, enmime
                // and Ruby's mail all read on (a defect, not the end): a field indented by a broken
                // relay is still that field; anything else on the line is dropped.
                let unindented = Bytes.trimmed(content)
                if let colon = fieldNameEnd(unindented) {
                    pendingName = Bytes.trimmed(unindented[unindented.startIndex..<colon])
                    pendingValue.append(contentsOf: unindented[(colon + 1)...])
                }
            } else if startsBlank && pendingName != nil {
                // Unfolding keeps the whitespace and drops only the line break (RFC 5322 §2.2.3).
                pendingValue.append(contentsOf: content)
            } else if let colon = fieldNameEnd(content) {
                flush()
                pendingName = Bytes.trimmed(content[content.startIndex..<colon])
                pendingValue.append(contentsOf: content[(colon + 1)...])
            } else if headers.isEmpty && pendingName == nil {
                // Nothing field-like yet: this is not a header block at all.
                return HeaderBlock(headers: [], bodyStart: index, hadEnvelopeLine: hadEnvelopeLine)
            } else {
                flush()
                return HeaderBlock(headers: headers, bodyStart: index, hadEnvelopeLine: hadEnvelopeLine)
            }
            index = line.next
        }
        flush()
        return HeaderBlock(headers: headers, bodyStart: end, hadEnvelopeLine: hadEnvelopeLine)
    }

    private static let envelopePrefix: [UInt8] = Array("From ".utf8)

    /// The colon's index when the line starts with a valid field name
    /// (printable ASCII without colon, RFC 5322 §2.2); trailing blanks before the
    /// colon are tolerated since some old mailers wrote "Subject : x".
    private static func fieldNameEnd(_ line: ArraySlice<UInt8>) -> Int? {
        var sawName = false
        var sawBlank = false
        for index in line.indices {
            let byte = line[index]
            if byte == UInt8(ascii: ":") {
                return sawName ? index : nil
            }
            if byte == Bytes.space || byte == Bytes.tab {
                sawBlank = true
                continue
            }
            if byte < 33 || byte > 126 || sawBlank {
                return nil
            }
            sawName = true
        }
        return nil
    }
}
