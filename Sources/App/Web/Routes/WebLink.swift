import Vapor

/// A link to a web route with a query and a fragment: `?done=`, list filters, paging cursors,
/// `#promises`. Every name and value is percent-encoded here, so a value typed by someone (a tag,
/// a search) cannot end the query or start another parameter.
struct WebLink: Sendable, Hashable {
    let route: WebRoute
    private(set) var query: [QueryItem] = []
    private(set) var fragment: String?

    struct QueryItem: Sendable, Hashable {
        let name: String
        let value: String
    }

    init(_ route: WebRoute) { self.route = route }

    /// Adds query parameters in order; a `nil` value is left out, an empty one is kept (`team_id=`).
    func query(_ items: KeyValuePairs<String, (any CustomStringConvertible)?>) -> WebLink {
        var link = self
        for (name, value) in items {
            guard let value else { continue }
            link.query.append(QueryItem(name: name, value: Self.text(value)))
        }
        return link
    }

    /// The part after `#`: the id of the element to show.
    func fragment(_ id: String) -> WebLink {
        var link = self
        link.fragment = id
        return link
    }

    var href: String {
        var href = route.path
        if !query.isEmpty {
            href += "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        }
        if let fragment { href += "#" + Self.encode(fragment) }
        return href
    }

    private static func text(_ value: any CustomStringConvertible) -> String {
        if let id = value as? UUID { return id.uuidString }
        return value.description
    }

    /// RFC 3986's unreserved characters plus `/`, `:` and `@`, which a query may hold as they are
    /// (a `next=/desk/tickets/1`, a time); `&`, `=`, `+`, `#` and the rest are encoded.
    private static let allowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:@")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// In a plain `String` a link reads as its `href`.
extension WebLink: CustomStringConvertible {
    var description: String { href }
}

extension WebRoute {
    /// This route with a query; see `WebLink.query(_:)`.
    func query(_ items: KeyValuePairs<String, (any CustomStringConvertible)?>) -> WebLink { WebLink(self).query(items) }

    /// This route with a fragment.
    func fragment(_ id: String) -> WebLink { WebLink(self).fragment(id) }

    var link: WebLink { WebLink(self) }
}

extension Markup.Interpolation {
    /// A route in an `href` or `action`: its path, escaped like any text.
    mutating func appendInterpolation(_ route: WebRoute) { Markup.escape(route.path, into: &html) }
    mutating func appendInterpolation(_ link: WebLink) { Markup.escape(link.href, into: &html) }
}

extension Request {
    func redirect(to route: WebRoute, redirectType: Redirect = .normal) -> Response {
        redirect(to: route.path, redirectType: redirectType)
    }

    func redirect(to link: WebLink, redirectType: Redirect = .normal) -> Response {
        redirect(to: link.href, redirectType: redirectType)
    }
}

extension Application {
    /// The absolute address of a web route, for mail and the log (see `publicLink(_:)`).
    func publicLink(_ link: WebLink) -> String { publicLink(link.href) }
    func publicLink(_ route: WebRoute) -> String { publicLink(route.path) }
}
