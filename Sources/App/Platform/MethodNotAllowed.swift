import Vapor

/// Answers 405 with `Allow` when a path exists but not for the request's method (TRACE, or PUT
/// where only PATCH is registered), instead of a 404: the resource is there, the method is not.
///
/// Two cases: no route matched (the router's 404), or only a route with a parameter where the
/// path has a constant of another method's route: `GET /calls/events` reaches `GET /calls/:callID`
/// with the id "events", but `/calls/events` is the webhook, which takes POST only.
/// Built once from the registered routes, after `routes(app)`.
struct MethodNotAllowed: AsyncMiddleware {
    private typealias Pattern = [PathComponent]
    private let routes: [(method: String, path: Pattern)]
    /// For a route (by "METHOD /path"), the more specific patterns of other routes that overlap it.
    private let shadows: [String: [Pattern]]

    init(routes: Routes) {
        let all = routes.all.map { route in
            (method: route.method.rawValue, path: route.path.filter { if case .constant(let text) = $0 { !text.isEmpty } else { true } })
        }
        var shadows: [String: [Pattern]] = [:]
        for route in all {
            let specific = all.filter { Self.isMoreSpecific($0.path, than: route.path) }.map(\.path)
            if !specific.isEmpty { shadows[Self.key(route.method, route.path)] = specific }
        }
        self.routes = all
        self.shadows = shadows
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let components = request.url.path.split(separator: "/").map(String.init)
        if let route = request.route,
            let specific = shadows[Self.key(route.method.rawValue, route.path.filter { $0 != .constant("") })]?
                .first(where: { Self.matches($0, components) })
        {
            throw notAllowed(request, methods: routes.filter { $0.path == specific }.map(\.method))
        }
        do {
            return try await next.respond(to: request)
        } catch let notFound as RouteNotFound {
            let methods = routes.filter { Self.matches($0.path, components) }.map(\.method)
            guard !methods.isEmpty else { throw notFound }
            throw notAllowed(request, methods: methods)
        }
    }

    private func notAllowed(_ request: Request, methods: [String]) -> RequestError {
        var allowed = Array(Set(methods)).sorted()
        if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
        return RequestError(
            .methodNotAllowed, "method_not_allowed",
            "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
            headers: ["Allow": allowed.joined(separator: ", ")])
    }

    private static func key(_ method: String, _ path: Pattern) -> String {
        method + " /" + path.map(\.description).joined(separator: "/")
    }

    /// The router's rules: constants match exactly, parameters and `*` match one component, `**` the rest.
    private static func matches(_ pattern: Pattern, _ components: [String]) -> Bool {
        for (index, part) in pattern.enumerated() {
            if case .catchall = part { return components.count >= index }
            guard index < components.count else { return false }
            if case .constant(let text) = part, text != components[index] { return false }
        }
        return pattern.count == components.count
    }

    /// `specific` has a constant wherever `general` has one (the same), and somewhere a constant
    /// where `general` has a parameter: every path it matches, `general` matches too.
    private static func isMoreSpecific(_ specific: Pattern, than general: Pattern) -> Bool {
        guard specific.count == general.count else { return false }
        var stricter = false
        for (s, g) in zip(specific, general) {
            switch (s, g) {
            case (.constant(let a), .constant(let b)): if a != b { return false }
            case (.constant, .parameter), (.constant, .anything): stricter = true
            case (.parameter, .parameter), (.anything, .anything), (.parameter, .anything), (.anything, .parameter): break
            default: return false
            }
        }
        return stricter
    }
}
