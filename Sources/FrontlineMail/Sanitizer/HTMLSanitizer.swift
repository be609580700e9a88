/// Makes customer HTML safe to show to agents inside the help desk's own pages.
///
/// Input is tokenized and rebuilt through `HTMLAllowList`; nothing is copied
/// through unparsed. Output is well-formed: every attribute is double-quoted and
/// escaped, every text run escaped, every opened element closed.
public enum HTMLSanitizer {
    /// - Parameters:
    ///   - allowRemoteImages: when false, http(s) images become placeholders with
    ///     the URL in `data-blocked-src`, so opening a message does not tell the
    ///     sender (or a tracker) that it was read.
    ///   - contentIDURL: maps a `cid:` Content-ID to the URL the app serves that
    ///     inline image at; unresolved ids keep `cid:` (which loads nothing).
    public static func sanitize(
        _ html: String, allowRemoteImages: Bool = false, contentIDURL: ((String) -> String?)? = nil
    ) -> String {
        var writer = SanitizedHTMLWriter(allowRemoteImages: allowRemoteImages, contentIDURL: contentIDURL)
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            writer.consume(token)
        }
        return writer.finish()
    }
}

/// The state of one sanitising pass: open elements and skipped subtrees.
private struct SanitizedHTMLWriter {
    let allowRemoteImages: Bool
    let contentIDURL: ((String) -> String?)?
    var output = ""
    var openElements: [String] = []
    /// Set while inside a dropped-with-content element; counts nested copies of it.
    var skipping: (name: String, depth: Int)? = nil

    init(allowRemoteImages: Bool, contentIDURL: ((String) -> String?)?) {
        self.allowRemoteImages = allowRemoteImages
        self.contentIDURL = contentIDURL
    }

    mutating func consume(_ token: HTMLToken) {
        if var skip = skipping {
            switch token {
            case .startTag(let name, _, let selfClosing) where name == skip.name && !selfClosing:
                skip.depth += 1
            case .endTag(let name) where name == skip.name:
                skip.depth -= 1
            default:
                break
            }
            skipping = skip.depth > 0 ? skip : nil
            return
        }
        switch token {
        case .text(let text):
            HTMLEscaping.appendEscaped(HTMLEntities.decode(text), to: &output)
        case .startTag(let name, let attributes, let selfClosing):
            startTag(name, attributes: attributes, selfClosing: selfClosing)
        case .endTag(let name):
            endTag(HTMLAllowList.renamedElements[name] ?? name)
        }
    }

    private mutating func startTag(_ rawName: String, attributes: [HTMLAttribute], selfClosing: Bool) {
        if HTMLAllowList.droppedWithContent.contains(rawName) {
            // A self-closed <svg/> has no content to skip; a <script> always does.
            if !selfClosing || HTMLTokenizer.rawTextElements.contains(rawName) {
                skipping = (rawName, 1)
            }
            return
        }
        let name = HTMLAllowList.renamedElements[rawName] ?? rawName
        guard HTMLAllowList.allowedElements.contains(name) else { return }
        let isVoid = HTMLAllowList.voidElements.contains(name)
        guard isVoid || openElements.count < HTMLAllowList.maximumDepth else { return }
        output += "<" + name
        if rawName == name {
            writeAttributes(of: name, attributes)
        }
        output += ">"
        if !isVoid {
            openElements.append(name)
        }
    }

    private mutating func writeAttributes(of element: String, _ attributes: [HTMLAttribute]) {
        for attribute in attributes {
            if HTMLAllowList.allowedAttributes.contains(attribute.name),
               attribute.value.utf8.count <= HTMLAllowList.maximumAttributeLength {
                write(attribute.name, attribute.value)
            }
        }
        if element == "a", let href = attributes.first(where: { $0.name == "href" }),
           let url = URLPolicy.safeLink(href.value) {
            write("href", url)
            write("rel", "noopener noreferrer nofollow")
            write("target", "_blank")
        }
        if element == "img", let source = attributes.first(where: { $0.name == "src" }) {
            writeImageSource(source.value, hasAlt: attributes.contains { $0.name == "alt" })
        }
    }

    private mutating func writeImageSource(_ value: String, hasAlt: Bool) {
        switch URLPolicy.imageSource(value) {
        case .allowed(let url):
            write("src", url)
        case .contentID(let id):
            write("src", contentIDURL?(id) ?? "cid:" + id)
        case .remote(let url) where allowRemoteImages:
            write("src", url)
        case .remote(let url):
            write("data-blocked-src", url)
            if !hasAlt { write("alt", "[remote image blocked]") }
        case .rejected:
            break
        }
    }

    private mutating func write(_ name: String, _ value: String) {
        output += " " + name + "=\""
        HTMLEscaping.appendEscaped(value, to: &output)
        output += "\""
    }

    /// Closes the element and any left open inside it; a stray end tag is ignored.
    private mutating func endTag(_ name: String) {
        guard let position = openElements.lastIndex(of: name) else { return }
        while openElements.count > position {
            output += "</" + openElements.removeLast() + ">"
        }
    }

    mutating func finish() -> String {
        while let name = openElements.popLast() {
            output += "</" + name + ">"
        }
        return output
    }
}
