/// A small HTML tokenizer, enough to rebuild mail HTML through an allow-list.
///
/// It need not match a browser in every corner: the sanitiser never passes input
/// through, it re-serialises tokens with every value escaped, so whatever this
/// tokenizer sees is exactly what the browser will see. Comments, doctypes and
/// processing instructions are dropped; unterminated tags are dropped as
/// browsers do. Linear in the input length.
struct HTMLTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    /// After <script>, <style> and similar, everything up to the matching end
    /// tag is text (HTML's raw text and RCDATA elements).
    private var rawTextEnd: String? = nil

    static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    mutating func next() -> HTMLToken? {
        if let closing = rawTextEnd {
            rawTextEnd = nil
            return rawText(until: closing)
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                return text()
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if isLetter(next) {
                if let token = startTag() { return token }
            } else if next == UInt8(ascii: "/") && index + 2 < bytes.count && isLetter(bytes[index + 2]) {
                if let token = endTag() { return token }
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                skipMarkup()
            } else {
                index += 1
                return .text("<")
            }
        }
        return nil
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private mutating func text() -> HTMLToken {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return .text(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func rawText(until name: String) -> HTMLToken {
        let start = index
        let pattern = Array("</\(name)".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), matchesCaseInsensitive(pattern, at: index) {
                let after = index + pattern.count < bytes.count ? bytes[index + pattern.count] : UInt8(ascii: ">")
                if !isLetter(after) { break }
            }
            index += 1
        }
        return .text(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func matchesCaseInsensitive(_ pattern: [UInt8], at position: Int) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where Bytes.lowercased(bytes[position + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// Comments end at "-->", other markup declarations at the next ">".
    private mutating func skipMarkup() {
        if matchesCaseInsensitive(Array("<!--".utf8), at: index) {
            index += 4
            while index < bytes.count, !matchesCaseInsensitive(Array("-->".utf8), at: index) { index += 1 }
            index = min(bytes.count, index + 3)
            return
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        index = min(bytes.count, index + 1)
    }

    private mutating func tagName() -> String {
        let start = index
        while index < bytes.count, !Bytes.isBlank(bytes[index]), bytes[index] != UInt8(ascii: "/"),
              bytes[index] != UInt8(ascii: ">"), bytes[index] != 0x0C {
            index += 1
        }
        return String(decoding: bytes[start..<index].map(Bytes.lowercased), as: UTF8.self)
    }

    private mutating func endTag() -> HTMLToken? {
        index += 2
        let name = tagName()
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        guard index < bytes.count else { return nil }
        index += 1
        return .endTag(name: name)
    }

    private mutating func startTag() -> HTMLToken? {
        index += 1
        let name = tagName()
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if Bytes.isBlank(byte) || byte == 0x0C {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                index += 1
                if Self.rawTextElements.contains(name) { rawTextEnd = name }
                return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
            } else if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
            } else {
                selfClosing = false
                if let attribute = attribute(), !attributes.contains(where: { $0.name == attribute.name }) {
                    attributes.append(attribute)
                }
            }
        }
        // End of input inside a tag: browsers drop the tag, and so do we. Going
        // back to re-read it as text would make "<a <a <a ..." quadratic.
        return nil
    }

    private mutating func attribute() -> HTMLAttribute? {
        let nameStart = index
        index += 1  // the first character may be "=" (HTML spec: part of the name)
        while index < bytes.count, !Bytes.isBlank(bytes[index]), bytes[index] != UInt8(ascii: "/"),
              bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index].map(Bytes.lowercased), as: UTF8.self)
        var probe = index
        while probe < bytes.count, Bytes.isBlank(bytes[probe]) { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
            return HTMLAttribute(name: name, value: "")
        }
        index = probe + 1
        while index < bytes.count, Bytes.isBlank(bytes[index]) { index += 1 }
        guard index < bytes.count else { return HTMLAttribute(name: name, value: "") }
        let quote = bytes[index]
        let valueStart: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            valueStart = index
            while index < bytes.count, bytes[index] != quote { index += 1 }
            let value = bytes[valueStart..<index]
            index = min(bytes.count, index + 1)
            return HTMLAttribute(name: name, value: HTMLEntities.decode(String(decoding: value, as: UTF8.self)))
        }
        valueStart = index
        while index < bytes.count, !Bytes.isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
        return HTMLAttribute(name: name, value: HTMLEntities.decode(value))
    }
}
