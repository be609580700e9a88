import Vapor

/// Answers 405 with `Allow` when a path exists but not for the request's method (TRACE, or PUT
/// where only PATCH is registered), instead of the router's 404: the resource is there, the
/// method is not. Built once from the registered routes, after `routes(app)`.
struct MethodNotAllowed: AsyncMiddleware {
    private let router: TrieRouter<String>
    private let methods: [String]

    init(routes: Routes) {
        let router = TrieRouter(String.self)
        var methods = Set<String>()
        for route in routes.all {
            let path = route.path.filter { if case .constant(let text) = $0 { !text.isEmpty } else { true } }
            router.register(route.method.rawValue, at: [.constant(route.method.rawValue)] + path)
            methods.insert(route.method.rawValue)
        }
        self.router = router
        self.methods = methods.sorted()
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch is RouteNotFound {
            let components = request.url.path.split(separator: "/").map(String.init)
            var parameters = Parameters()
            var allowed = methods.filter { router.route(path: [$0] + components, parameters: &parameters) != nil }
            guard !allowed.isEmpty else { throw RouteNotFound() }
            if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
            throw RequestError(
                .methodNotAllowed, "method_not_allowed",
                "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                headers: ["Allow": allowed.joined(separator: ", ")])
        }
    }
}
