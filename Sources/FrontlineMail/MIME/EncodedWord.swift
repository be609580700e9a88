/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// Adjacent encoded words are joined without the whitespace between them
/// (RFC 2047 §6.2), and their bytes are joined before charset decoding because
/// many encoders split a multi-byte character across two words.
enum EncodedWord {
    static func decode(_ text: String) -> String {
        guard containsMarker(text) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingCharset: String? = nil
        var pendingBytes: [UInt8] = []
        var literalStart = 0
        var index = 0

        func flushPending() {
            guard let charset = pendingCharset else { return }
            output.append(contentsOf: Charset.decode(pendingBytes, charset: charset).utf8)
            pendingCharset = nil
            pendingBytes.removeAll(keepingCapacity: true)
        }

        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                  let word = parseWord(bytes, at: index) else {
                index += 1
                continue
            }
            let literal = bytes[literalStart..<index]
            let onlyWhitespace = literal.allSatisfy { $0 == Bytes.space || $0 == Bytes.tab }
            if !(pendingCharset != nil && onlyWhitespace) {
                flushPending()
                output.append(contentsOf: literal)
            }
            if let charset = pendingCharset, charset != word.charset {
                flushPending()
            }
            pendingCharset = word.charset
            pendingBytes.append(contentsOf: word.decoded)
            index = word.end
            literalStart = index
        }
        flushPending()
        output.append(contentsOf: bytes[literalStart...])
        return String(decoding: output, as: UTF8.self)
    }

    private static func containsMarker(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    private struct Word {
        var charset: String
        var decoded: [UInt8]
        var end: Int
    }

    private static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
        let question = UInt8(ascii: "?")
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != question {
            if Bytes.isBlank(bytes[index]) || index - charsetStart > 40 { return nil }
            index += 1
        }
        guard index + 3 < bytes.count, index > charsetStart, bytes[index + 2] == question else { return nil }
        var charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") {
            // RFC 2231 §5 language suffix: "utf-8*en".
            charset = String(charset[..<star])
        }
        let encoding = Bytes.lowercased(bytes[index + 1])
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        var textEnd = textStart
        while textEnd + 1 < bytes.count, !(bytes[textEnd] == question && bytes[textEnd + 1] == UInt8(ascii: "=")) {
            if Bytes.isBlank(bytes[textEnd]) { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < bytes.count else { return nil }
        let text = bytes[textStart..<textEnd]
        let decoded = encoding == UInt8(ascii: "b")
            ? TransferEncoding.decodeBase64(text)
            : decodeQ(text)
        return Word(charset: charset, decoded: decoded, end: textEnd + 2)
    }

    /// The "Q" encoding: quoted-printable with "_" standing for a space.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                out.append(Bytes.space)
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                      let high = TransferEncoding.hexValue(text[index + 1]),
                      let low = TransferEncoding.hexValue(text[index + 2]) {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
