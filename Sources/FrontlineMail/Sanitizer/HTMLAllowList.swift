/// Which elements and attributes survive sanitising, and what happens to the rest.
///
/// Deliberately small: mail HTML needs text formatting, lists, tables, links and
/// images. Everything else is either unwrapped (its text kept) or, for
/// elements whose content is code or chrome, dropped with its content.
enum HTMLAllowList {
    static let allowedElements: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "small", "big",
        "sub", "sup", "mark", "blockquote", "pre", "code", "kbd", "samp", "tt", "q", "cite", "abbr",
        "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "a", "img", "hr", "address", "article", "section", "header", "footer", "figure", "figcaption",
    ]

    /// Renamed on the way through: presentational tags whose attributes we drop anyway.
    static let renamedElements: [String: String] = ["font": "span", "center": "div"]

    /// Dropped together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "template", "title", "noembed", "noframes", "noscript", "textarea", "select", "xmp", "plaintext",
        "audio", "video", "canvas",
    ]

    static let voidElements: Set<String> = ["br", "hr", "img", "col", "wbr"]

    /// Harmless presentational attributes; anything else (style, class, id, on*,
    /// srcset, background, formaction, ...) is dropped.
    static let allowedAttributes: Set<String> = [
        "title", "alt", "dir", "lang", "align", "valign", "width", "height", "colspan", "rowspan",
        "cellpadding", "cellspacing", "border", "start", "reversed", "scope", "abbr", "span", "cite",
    ]

    /// Attribute values are escaped anyway; the cap stops an 8 MB "title" from
    /// reaching the agent's browser.
    static let maximumAttributeLength = 2_048

    /// Open elements beyond this depth are flattened; hostile input nests 100,000 divs.
    static let maximumDepth = 256
}
