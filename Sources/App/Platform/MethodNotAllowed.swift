import Vapor

/// Answers 405 with `Allow` when a path exists but not for the request's method (TRACE, or PUT
/// where only PATCH is registered), instead of the router's 404: the resource is there, the
/// method is not. Built once from the registered routes, after `routes(app)`.
struct MethodNotAllowed: AsyncMiddleware {
    private let routes: [(method: String, path: [PathComponent])]

    init(routes: Routes) {
        self.routes = routes.all.map { route in
            (route.method.rawValue, route.path.filter { if case .constant(let text) = $0 { !text.isEmpty } else { true } })
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let notFound as RouteNotFound {
            let components = request.url.path.split(separator: "/").map(String.init)
            var allowed: [String] = []
            for route in routes where Self.matches(route.path, components) && !allowed.contains(route.method) {
                allowed.append(route.method)
            }
            guard !allowed.isEmpty else { throw notFound }
            allowed.sort()
            if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
            throw RequestError(
                .methodNotAllowed, "method_not_allowed",
                "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                headers: ["Allow": allowed.joined(separator: ", ")])
        }
    }

    /// The router's rules: constants match exactly, parameters and `*` match one component, `**` the rest.
    private static func matches(_ pattern: [PathComponent], _ components: [String]) -> Bool {
        for (index, part) in pattern.enumerated() {
            if case .catchall = part { return components.count >= index }
            guard index < components.count else { return false }
            if case .constant(let text) = part, text != components[index] { return false }
        }
        return pattern.count == components.count
    }
}
