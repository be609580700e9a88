/// A tolerant parser for address lists (RFC 5322 §3.4) as they occur in the wild:
/// quoted display names, comments, groups, encoded-word names (even inside
/// quotes), bare addresses and names without angle brackets.
enum AddressListParser {
    static func parse(_ value: String) -> [MailAddress] {
        let bytes = Array(value.utf8)
        var addresses: [MailAddress] = []
        var entry = EntryScanner()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index = entry.readQuoted(bytes, from: index)
                continue
            case UInt8(ascii: "("):
                index = entry.readComment(bytes, from: index)
                continue
            case UInt8(ascii: "<"):
                index = entry.readAngle(bytes, from: index)
                continue
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if let address = entry.finish() { addresses.append(address) }
                entry = EntryScanner()
            case UInt8(ascii: ":") where entry.angle == nil && !entry.wordsContainAt:
                // "Team: a@x, b@y;" — the group name is not a mailbox.
                entry = EntryScanner()
            default:
                entry.appendWordByte(byte)
            }
            index += 1
        }
        if let address = entry.finish() { addresses.append(address) }
        return addresses
    }
}

/// Collects the pieces of one list entry until a comma ends it.
private struct EntryScanner {
    var words: [[UInt8]] = []
    var currentWord: [UInt8] = []
    var angle: [UInt8]? = nil
    var comment: [UInt8] = []

    var wordsContainAt: Bool {
        currentWord.contains(UInt8(ascii: "@")) || words.contains { $0.contains(UInt8(ascii: "@")) }
    }

    mutating func appendWordByte(_ byte: UInt8) {
        if Bytes.isBlank(byte) {
            endWord()
        } else {
            currentWord.append(byte)
        }
    }

    mutating func endWord() {
        if !currentWord.isEmpty { words.append(currentWord) }
        currentWord = []
    }

    mutating func readQuoted(_ bytes: [UInt8], from start: Int) -> Int {
        endWord()
        var index = start + 1
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
            text.append(bytes[index])
            index += 1
        }
        words.append(text)
        return index + 1
    }

    mutating func readComment(_ bytes: [UInt8], from start: Int) -> Int {
        endWord()
        var depth = 0
        var index = start
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "(") {
                depth += 1
                if depth > 1 { text.append(byte) }
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { break }
                text.append(byte)
            } else {
                text.append(byte)
            }
            index += 1
        }
        if comment.isEmpty { comment = text }
        return index + 1
    }

    mutating func readAngle(_ bytes: [UInt8], from start: Int) -> Int {
        endWord()
        var index = start + 1
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if !Bytes.isBlank(bytes[index]) { text.append(bytes[index]) }
            index += 1
        }
        // Obsolete source routes "<@relay:user@host>" keep only the mailbox.
        if text.first == UInt8(ascii: "@"), let colon = text.firstIndex(of: UInt8(ascii: ":")) {
            text = Array(text[(colon + 1)...])
        }
        angle = text
        return index + 1
    }

    mutating func finish() -> MailAddress? {
        endWord()
        var nameWords = words
        var email: [UInt8]
        if let angle {
            email = angle
        } else if let position = words.lastIndex(where: { $0.contains(UInt8(ascii: "@")) }) {
            email = words[position]
            nameWords.remove(at: position)
        } else if words.count == 1, !words[0].isEmpty {
            // "MAILER-DAEMON" or "root": a local name is still the sender we must recognise.
            email = words[0]
            nameWords = []
        } else {
            return nil
        }
        while let last = email.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") { email.removeLast() }
        guard !email.isEmpty || angle != nil else { return nil }
        var name = nameWords.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        if name.isEmpty && !comment.isEmpty {
            name = String(decoding: comment, as: UTF8.self)
        }
        let emailText = String(decoding: email, as: UTF8.self)
        let decodedName = EncodedWord.decode(name)
        let finalName = decodedName.lowercased() == emailText.lowercased() ? nil : decodedName
        return MailAddress(name: finalName, email: emailText)
    }
}
