import ArgumentParser
import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// `frontline-bench calls`: signed phone-system webhook events against a release server.
struct CallsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "Call webhook events/s: started, hold, hold ended, ended, for many calls.")

    @Option(help: "Calls to report (four events each).") var calls = 2_500
    @Option(help: "Requests in flight at once.") var concurrency = 16
    @Option(help: "Port for the server.") var port = 18_083

    static let secret = "bench-secret-0123456789abcdef"

    func run() async throws {
        let binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let server = try ServerProcess(binaryDirectory: binaryDirectory, port: port, environment: ["CALLS_WEBHOOK_SECRET": Self.secret])
        defer { server.stop() }
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            let load = LoadRunner(client: client, baseURL: server.baseURL, token: server.token)
            try await load.waitUntilReady()
            let start = Date().addingTimeInterval(-3600)
            // Each worker sends whole calls in order; workers interleave, as a phone system's would.
            let events = (0..<calls).flatMap { Self.events(call: $0, start: start) }
            let began = ContinuousClock.now
            let measured = try await load.run(count: events.count, concurrency: concurrency, keep: Self.callId) { index in
                (.POST, "/api/v1/calls/events", events[index])
            } headers: { body in Self.signature(body) }
            // Then until every call is derived (ticket, holds, promises): the worker's own pace.
            try await Self.waitUntilDerived(load)
            let derivedIn = ContinuousClock.now - began
            let derivedSeconds = Double(derivedIn.components.seconds) + Double(derivedIn.components.attoseconds) / 1e18
            let ended = try await Self.endedCalls(Array(Set(measured.kept)).prefix(50), load)
            guard ended == min(50, Set(measured.kept).count) else { throw BenchError("only \(ended) sampled calls were derived") }
            print("")
            print("| measure | value |")
            print("|---|---|")
            print("| call webhook events/s (concurrency \(concurrency), \(calls) calls) | \(Int(measured.perSecond)) |")
            print(String(format: "| event p50 / p99 | %.2f / %.2f ms |", measured.percentile(0.5), measured.percentile(0.99)))
            print(String(format: "| all %d calls derived after | %.1f s (%.0f events/s end to end) |", calls, derivedSeconds, Double(events.count) / derivedSeconds))
            print("| server peak RSS | \(server.peakRSSMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a") |")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static let callId: @Sendable (ByteBuffer) -> String? = { body in
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any])?["call_id"] as? String
    }

    /// Polls the pending-derivations gauge until it reads 0 twice, 100 ms apart.
    static func waitUntilDerived(_ load: LoadRunner) async throws {
        var zeros = 0
        for _ in 0..<6_000 {
            let (_, body) = try await load.send(.GET, "/metrics", nil)
            let gauge = String(buffer: body).split(separator: "\n").first { $0.hasPrefix("frontline_call_derivations_pending ") }
            let zero = gauge.flatMap { Double($0.split(separator: " ").last ?? "") } == 0
            zeros = zero ? zeros + 1 : 0
            if zeros == 2 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("calls were still being derived after 10 minutes")
    }

    /// How many of the sampled calls show their outcome (were derived after their last event).
    static func endedCalls(_ ids: ArraySlice<String>, _ load: LoadRunner) async throws -> Int {
        var ended = 0
        for id in ids {
            let (_, body) = try await load.send(.GET, "/api/v1/calls/\(id)", nil)
            if let call = try? JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any], call["outcome"] is String { ended += 1 }
        }
        return ended
    }

    static func events(call: Int, start: Date) -> [String] {
        let at = { (offset: Double) in ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(call) + offset)) }
        let id = "bench-\(call)"
        let phone = String(format: "+1555%07d", call % 2_000)
        return [
            #"{"id":"\#(id)-s","type":"call.started","call_id":"\#(id)","at":"\#(at(0))","direction":"inbound","customer_phone":"\#(phone)","agent_email":"bench@example.test"}"#,
            #"{"id":"\#(id)-h","type":"call.hold_started","call_id":"\#(id)","at":"\#(at(20))","told_wait_seconds":60}"#,
            #"{"id":"\#(id)-he","type":"call.hold_ended","call_id":"\#(id)","at":"\#(at(50))"}"#,
            #"{"id":"\#(id)-e","type":"call.ended","call_id":"\#(id)","at":"\#(at(120))","outcome":"\#(call % 10 == 0 ? "dropped" : "resolved")"}"#,
        ]
    }

    /// The phone system's signature: HMAC-SHA256 over "<timestamp>.<raw body>".
    static func signature(_ body: String) -> [(String, String)] {
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return [("X-Frontline-Timestamp", timestamp), ("X-Frontline-Signature", "sha256=" + mac.map { String(format: "%02x", $0) }.joined())]
    }
}
