/// Plain text from HTML, for the text view of HTML-only mail, search and previews.
public enum HTMLText {
    /// Block elements become line breaks, entities are decoded, whitespace is
    /// collapsed (except inside `pre`), links become "text (url)", and script,
    /// style and head content is left out.
    public static func plainText(fromHTML html: String) -> String {
        var builder = PlainTextBuilder()
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            builder.consume(token)
        }
        return builder.finish()
    }
}

private struct PlainTextBuilder {
    static let blockElements: Set<String> = [
        "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
        "ul", "ol", "hr", "dl", "dt", "dd", "section", "article", "header", "footer", "address", "center",
        "figure", "figcaption", "caption", "form", "fieldset", "body", "html",
    ]
    static let paragraphElements: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol"]

    var lines: [String] = []
    var line = ""
    var pendingSpace = false
    var pendingBreaks = 0
    var preDepth = 0
    var skipping: String? = nil
    var link: (url: String, textStart: Int, lineCount: Int)? = nil

    mutating func consume(_ token: HTMLToken) {
        if let skip = skipping {
            if case .endTag(let name) = token, name == skip { skipping = nil }
            return
        }
        switch token {
        case .text(let raw):
            appendText(HTMLEntities.decode(raw))
        case .startTag(let name, let attributes, _):
            if HTMLAllowList.droppedWithContent.contains(name) {
                skipping = name
                return
            }
            if name == "pre" { preDepth += 1 }
            if name == "br" {
                newLine(count: 1)
            } else if Self.blockElements.contains(name) {
                newLine(count: Self.paragraphElements.contains(name) ? 2 : 1)
            }
            if name == "li" { appendText("- ") }
            if name == "td" || name == "th" { pendingSpace = !line.isEmpty }
            if name == "a", let href = attributes.first(where: { $0.name == "href" })?.value,
               let url = URLPolicy.safeLink(href) {
                flushBreaks()
                link = (url, line.utf8.count, lines.count)
            }
        case .endTag(let name):
            if name == "pre" { preDepth = max(0, preDepth - 1) }
            if name == "a" { closeLink() }
            if Self.blockElements.contains(name) {
                newLine(count: Self.paragraphElements.contains(name) ? 2 : 1)
            }
        }
    }

    private mutating func closeLink() {
        guard let open = link else { return }
        link = nil
        let text = open.lineCount == lines.count ? String(decoding: line.utf8.dropFirst(open.textStart), as: UTF8.self) : ""
        let shown = open.url.hasPrefix("mailto:") ? String(open.url.dropFirst(7)) : open.url
        if text.trimmingBlanks() != shown && !text.contains(shown) {
            line += " (" + shown + ")"
        }
    }

    private mutating func appendText(_ text: String) {
        if preDepth > 0 {
            flushBreaks()
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { endLine() }
                line += part
            }
            return
        }
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            flushBreaks()
            if pendingSpace && !line.isEmpty { line.append(" ") }
            pendingSpace = false
            line.append(character)
        }
    }

    private mutating func newLine(count: Int) {
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    private mutating func flushBreaks() {
        guard pendingBreaks > 0 else { return }
        if !line.isEmpty || !lines.isEmpty {
            endLine()
            if pendingBreaks > 1 && lines.last?.isEmpty == false { lines.append("") }
        }
        pendingBreaks = 0
    }

    private mutating func endLine() {
        lines.append(line)
        line = ""
    }

    mutating func finish() -> String {
        if !line.isEmpty { endLine() }
        // Only trailing blanks: leading ones exist only inside <pre>, where they matter.
        let trimmedLines = lines.map { $0.replacingNonBreakingSpaces().trimmingTrailingBlanks() }
        var result: [String] = []
        for current in trimmedLines where !(current.isEmpty && (result.last?.isEmpty ?? true)) {
            result.append(current)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingBlanks() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" { end = index(before: end) }
        return String(self[..<end])
    }

    func replacingNonBreakingSpaces() -> String {
        contains("\u{00A0}") ? String(map { $0 == "\u{00A0}" ? " " : $0 }) : self
    }
}
