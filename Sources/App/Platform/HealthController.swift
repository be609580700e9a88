import Crypto
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

    /// Open while `FRONTLINE_METRICS_TOKEN` is unset (a desk on a private network); with it, only
    /// a scraper sending `Authorization: Bearer <token>` reads the figures.
    @Sendable static func metrics(req: Request) -> Response {
        if let expected = req.application.frontlineConfig.metricsToken,
            !MetricsToken.matches(req.headers.bearerAuthorization?.token, expected: expected)
        {
            var headers = HTTPHeaders()
            headers.add(name: .wwwAuthenticate, value: "Bearer realm=\"metrics\"")
            headers.contentType = .plainText
            return Response(status: .unauthorized, headers: headers, body: .init(string: "a metrics token is required: send Authorization: Bearer <token>\n"))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metrics.exposition()))
    }
}

/// Compares a presented metrics token with the configured one in constant time: both are hashed
/// first, so neither the length nor the first differing byte shows in how long the answer takes.
enum MetricsToken {
    static func matches(_ presented: String?, expected: String) -> Bool {
        guard let presented else { return false }
        let a = SHA256.hash(data: Data(presented.utf8))
        let b = SHA256.hash(data: Data(expected.utf8))
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
