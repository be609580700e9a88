import Vapor

/// Registers a handler at a typed route: how every web route is added (see `routes.swift`).
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: WebRoute, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.pathComponents, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: WebRoute, use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.pathComponents, use: handler)
    }

    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: WebRoute, body: HTTPBodyStreamStrategy,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, route.pathComponents, body: body, use: handler)
    }
}
