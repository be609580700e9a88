import Prometheus
import Vapor

/// The desk's Prometheus metrics, one registry per application so tests never share counters.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let ticketsCreated: Counter
    /// Calls whose events are stored but not yet derived (see CallDerivationQueue).
    let callDerivationsPending: Gauge

    init() {
        ticketsCreated = registry.makeCounter(name: "frontline_tickets_created_total", help: "Tickets created")
        callDerivationsPending = registry.makeGauge(
            name: "frontline_call_derivations_pending", help: "Calls with received events not yet applied")
    }

    /// Counts a request by route pattern (not the raw path, whose ids would explode cardinality).
    func observe(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(name: "frontline_http_requests_total", labels: labels, help: "HTTP requests by route and status")
            .increment()
        registry.makeDurationHistogram(
            name: "frontline_http_request_duration_seconds", labels: [("method", method), ("route", route)],
            buckets: Self.latencyBuckets, help: "HTTP request latency by route"
        ).record(duration)
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]
}

extension Application {
    private struct MetricsKey: StorageKey {
        typealias Value = AppMetrics
    }

    /// Set once by `configure`, before the first request. A request still finishing while the app
    /// shuts down (its storage already cleared) records into a registry nobody reads, not a crash.
    var metrics: AppMetrics {
        get { storage[MetricsKey.self] ?? AppMetrics.afterShutdown }
        set { storage[MetricsKey.self] = newValue }
    }
}

extension AppMetrics {
    static let afterShutdown = AppMetrics()
}

/// Records every request's route, status and latency.
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        request.application.metrics.observe(
            method: request.method.rawValue, route: route, status: response.status.code, duration: ContinuousClock.now - start)
        return response
    }
}
