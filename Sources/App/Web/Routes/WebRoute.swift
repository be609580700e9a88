import Vapor

/// Every page and form target of the web app, as a value. The same value registers the route (its
/// `pathComponents`, with `.key` parameters) and builds each `href`, form `action` and redirect
/// (its `path`, with `.value` parameters), so a renamed or removed route is a compile error at
/// every link to it instead of a 404 found by a customer. After SwiftPackageIndex-Server's `SiteURL`.
///
/// The sections live in their own files: `DeskRoute`, `PeopleRoute`, `AdminRoute`, `PortalRoute`.
enum WebRoute: Sendable, Hashable {
    /// `/`: sends everyone on to the desk.
    case home
    case signIn
    case signOut
    case contact
    case setup
    case asset(Parameter<String>)
    case desk(DeskRoute)
    case people(PeopleRoute)
    case admin(AdminRoute)
    case portal(PortalRoute)

    var segments: [RouteSegment] {
        switch self {
        case .home: []
        case .signIn: ["login"]
        case .signOut: ["logout"]
        case .contact: ["contact"]
        case .setup: ["setup"]
        case let .asset(file): ["assets", .parameter("file", file)]
        case let .desk(route): ["desk"] + route.segments
        case let .people(route): ["desk", "people"] + route.segments
        case let .admin(route): ["admin"] + route.segments
        case let .portal(route): ["portal"] + route.segments
        }
    }

    /// The path to link to, each parameter's value percent-encoded; a `.key` parameter reads
    /// `:name`, as in the route table.
    var path: String { "/" + segments.map(\.pathText).joined(separator: "/") }

    /// The components to register the route with.
    var pathComponents: [PathComponent] { segments.map(\.component) }
}

/// In a plain `String` (a log line, a mail) a route reads as its path.
extension WebRoute: CustomStringConvertible {
    var description: String { path }
}

/// A route parameter: `.key` where the route is registered, `.value` where it is linked to.
enum Parameter<Value: Sendable & Hashable>: Sendable, Hashable {
    case key
    case value(Value)
}

/// One segment of a route's path: a constant, or a named parameter with its value when linked.
struct RouteSegment: Sendable, Hashable, ExpressibleByStringLiteral {
    let name: String
    let isParameter: Bool
    let value: String?

    init(stringLiteral value: String) {
        name = value
        isParameter = false
        self.value = nil
    }

    private init(parameter name: String, value: String?) {
        self.name = name
        isParameter = true
        self.value = value
    }

    static func parameter(_ name: String, _ parameter: Parameter<String>) -> RouteSegment {
        switch parameter {
        case .key: RouteSegment(parameter: name, value: nil)
        case let .value(text): RouteSegment(parameter: name, value: text)
        }
    }

    static func parameter(_ name: String, _ parameter: Parameter<Int>) -> RouteSegment {
        switch parameter {
        case .key: RouteSegment(parameter: name, value: nil)
        case let .value(number): RouteSegment(parameter: name, value: String(number))
        }
    }

    static func parameter(_ name: String, _ parameter: Parameter<UUID>) -> RouteSegment {
        switch parameter {
        case .key: RouteSegment(parameter: name, value: nil)
        case let .value(id): RouteSegment(parameter: name, value: id.uuidString)
        }
    }

    static func parameter<Value>(_ name: String, _ parameter: Parameter<Value>) -> RouteSegment
    where Value: RawRepresentable & Sendable & Hashable, Value.RawValue == String {
        switch parameter {
        case .key: RouteSegment(parameter: name, value: nil)
        case let .value(value): RouteSegment(parameter: name, value: value.rawValue)
        }
    }

    /// Unreserved characters only, so a value cannot add a segment, a query or a fragment.
    private static let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    var pathText: String {
        guard isParameter else { return name }
        guard let value else { return ":" + name }
        return value.addingPercentEncoding(withAllowedCharacters: Self.allowed) ?? ""
    }

    var component: PathComponent { isParameter ? .parameter(name) : .constant(name) }
}
