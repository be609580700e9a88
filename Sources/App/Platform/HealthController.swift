import Fluent
import Vapor

/// Probes for load balancers and orchestrators, and the metrics endpoint.
enum HealthController {
    /// The process is up.
    @Sendable static func live(req: Request) -> HTTPStatus { .ok }

    /// The database answers; a load balancer stops sending traffic when it does not.
    @Sendable static func ready(req: Request) async -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        do {
            try await req.db.sql.raw("SELECT 1").run()
            return Response(status: .ok, headers: headers, body: .init(string: "ready\n"))
        } catch {
            req.logger.warning("readiness check failed: \(String(reflecting: error))")
            return Response(status: .serviceUnavailable, headers: headers, body: .init(string: "database unreachable\n"))
        }
    }

    @Sendable static func metrics(req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metrics.exposition()))
    }
}
