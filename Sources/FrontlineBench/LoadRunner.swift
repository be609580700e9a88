import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends requests at a fixed concurrency and records each one's latency.
struct LoadRunner: Sendable {
    let client: HTTPClient
    let baseURL: String
    let headers: HTTPHeaders

    init(client: HTTPClient, baseURL: String, token: String, contentType: String = "application/json") {
        self.client = client
        self.baseURL = baseURL
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(token)")
        headers.add(name: "Content-Type", value: contentType)
        self.headers = headers
    }

    /// Waits for the server's readiness probe (at most 10 s).
    func waitUntilReady() async throws {
        for _ in 0..<200 {
            if (try? await send(.GET, "/readyz", nil)) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("the server did not become ready in 10 s")
    }

    /// Runs `count` requests, `concurrency` at a time; `make(i)` describes request i.
    /// Fails on the first answer that is not 2xx: a benchmark of errors measures nothing.
    /// `keep` picks something to remember from each answer (e.g. the id of what was created).
    /// `headers` adds request headers computed from the body (e.g. a webhook signature).
    func run(
        count: Int, concurrency: Int, keep: (@Sendable (ByteBuffer) -> String?)? = nil,
        _ make: @escaping @Sendable (Int) -> (HTTPMethod, String, String?),
        headers extra: (@Sendable (String) -> [(String, String)])? = nil
    ) async throws -> Measurement {
        let start = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: ([Duration], [String]).self) { group in
            let perWorker = (count + concurrency - 1) / concurrency
            for worker in 0..<concurrency {
                group.addTask {
                    var latencies: [Duration] = []
                    var kept: [String] = []
                    var index = worker * perWorker
                    let end = min(count, index + perWorker)
                    while index < end {
                        let (method, path, body) = make(index)
                        let (latency, answer) = try await send(method, path, body, extraHeaders: body.flatMap { extra?($0) } ?? [])
                        latencies.append(latency)
                        if let value = keep?(answer) { kept.append(value) }
                        index += 1
                    }
                    return (latencies, kept)
                }
            }
            return try await group.reduce(into: ([Duration](), [String]())) { $0.0 += $1.0; $0.1 += $1.1 }
        }
        return Measurement(latencies: results.0, elapsed: ContinuousClock.now - start, kept: results.1)
    }

    /// One request: its latency and body.
    func send(
        _ method: HTTPMethod, _ path: String, _ body: String?, extraHeaders: [(String, String)] = []
    ) async throws -> (latency: Duration, body: ByteBuffer) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers = headers
        for (name, value) in extraHeaders { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let latency = ContinuousClock.now - start
        guard (200..<300).contains(response.status.code) else {
            throw BenchError("\(method) \(path) answered \(response.status.code): \(String(buffer: bytes).prefix(300))")
        }
        return (latency, bytes)
    }
}

/// Latencies of one phase.
struct Measurement {
    let latencies: [Duration]
    let elapsed: Duration
    var kept: [String] = []

    var perSecond: Double { Double(latencies.count) / seconds(elapsed) }

    func percentile(_ p: Double) -> Double {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
        return seconds(sorted[max(0, index)]) * 1000
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
