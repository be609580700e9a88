import Foundation

/// Writes header fields: RFC 2047 encoded words for non-ASCII text and
/// folding at 78 characters (RFC 5322 §2.1.1, §2.2.3).
enum HeaderEncoder {
    static let lineLimit = 76

    /// "Name: value" folded, with CRLF.
    static func field(_ name: String, _ value: String) -> String {
        fold(name + ": " + value) + "\r\n"
    }

    /// Unstructured text (Subject, display names in phrases are handled by
    /// `phrase`): ASCII words are kept readable, runs of non-ASCII words become
    /// encoded words.
    static func unstructured(_ text: String) -> String {
        let cleaned = text.replacingLineBreaks()
        guard !isPlainASCII(cleaned) else { return cleaned }
        return encodedWords(cleaned)
    }

    /// A display name: kept as is if it is an atom run, quoted if it has
    /// specials, encoded if it has non-ASCII.
    static func phrase(_ text: String) -> String {
        let cleaned = text.replacingLineBreaks()
        guard isPlainASCII(cleaned) else { return encodedWords(cleaned) }
        let specials = Set("()<>[]:;@\\,.\"")
        guard cleaned.contains(where: { specials.contains($0) }) else { return cleaned }
        return "\"" + cleaned.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func address(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return "<\(address.email)>" }
        return phrase(name) + " <\(address.email)>"
    }

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }
    }

    /// The whole text as UTF-8 "B" encoded words of at most 75 characters each,
    /// cut only between characters so no word holds half a UTF-8 sequence
    /// (RFC 2047 §5 rule 3). B is used because it never needs quoting rules.
    static func encodedWords(_ text: String) -> String {
        let prefix = "=?UTF-8?B?", suffix = "?="
        // 75 - 12 characters of framing leave 63 for base64: 45 bytes of payload.
        let maximumPayload = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maximumPayload && !chunk.isEmpty {
                words.append(prefix + Base64.encode(chunk) + suffix)
                chunk.removeAll()
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefix + Base64.encode(chunk) + suffix) }
        return words.joined(separator: " ")
    }

    /// Breaks at spaces so no line exceeds the limit where possible; a single
    /// long token (a References list entry) is left long rather than broken.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count > lineLimit {
                lines.append(current)
                current = String(word)
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}

private extension String {
    /// Header injection guard: a value never ends a field early.
    func replacingLineBreaks() -> String {
        guard contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return self }
        return split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }).joined(separator: " ")
    }
}
