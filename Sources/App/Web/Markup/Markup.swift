import Vapor

/// HTML that is escaped by construction: the literal text of a template is trusted, every
/// interpolated `String` is escaped, and only other `Markup` values go in as they are. Anything
/// a user or customer typed can therefore only reach a page as text, never as markup.
struct Markup: Sendable, ExpressibleByStringInterpolation {
    private(set) var html: String

    init(stringLiteral value: String) { html = value }
    init(stringInterpolation: Interpolation) { html = stringInterpolation.html }
    private init(trusted html: String) { self.html = html }

    static let empty = Markup(stringLiteral: "")

    /// Joins fragments (rows, timeline entries) without copying each through interpolation.
    static func join(_ parts: [Markup]) -> Markup {
        var html = ""
        html.reserveCapacity(parts.reduce(0) { $0 + $1.html.utf8.count })
        for part in parts { html += part.html }
        return Markup(trusted: html)
    }

    /// Builds the fragment of an interpolation.
    struct Interpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        mutating func appendLiteral(_ literal: String) { html += literal }
        mutating func appendInterpolation(_ text: String) { Markup.escape(text, into: &html) }
        mutating func appendInterpolation(_ text: Substring) { Markup.escape(String(text), into: &html) }
        mutating func appendInterpolation(_ number: Int) { html += String(number) }
        mutating func appendInterpolation(_ id: UUID) { html += id.uuidString }
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        mutating func appendInterpolation(_ markup: Markup?) { if let markup { html += markup.html } }
        mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { html += part.html } }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`: enough for text and for quoted attribute values.
    static func escape(_ text: String, into html: inout String) {
        let utf8 = text.utf8
        // Most text has nothing to escape; copy it whole.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            html += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            default: html.unicodeScalars.append(scalar)
            }
        }
    }
}

extension Markup {
    /// The page as an HTML response with the desk's security headers: no inline script may run,
    /// no other site may frame the page.
    func response(status: HTTPResponseStatus = .ok, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Referrer-Policy", value: "same-origin")
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
}
