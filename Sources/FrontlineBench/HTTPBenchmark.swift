import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// `frontline-bench http`: the desk's own API under load, from an empty data directory.
struct HTTPBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http", abstract: "Ticket creation, messages, reads and lists against a release server.")

    @Option(help: "Requests in flight at once.") var concurrency = 16
    @Option(help: "Tickets to create (the reads run against this many).") var tickets = 100_000
    @Option(help: "Messages to add.") var messages = 10_000
    @Option(help: "Reads of each kind to time.") var reads = 5_000
    @Option(help: "Requests to /healthz: the server's bare speed in the same run, the yardstick for the rest.")
    var healthz = 20_000
    @Option(help: "Port for the server.") var port = 18_080

    func run() async throws {
        let binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let server = try ServerProcess(binaryDirectory: binaryDirectory, port: port)
        defer { server.stop() }
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            try await measure(LoadRunner(client: client, baseURL: server.baseURL, token: server.token), server: server)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func measure(_ load: LoadRunner, server: ServerProcess) async throws {
        try await load.waitUntilReady()

        print("Frontline HTTP benchmark: \(tickets) tickets, \(messages) messages, \(reads) timed reads each, concurrency \(concurrency)")
        let statuses = ["new", "open", "pending"]
        let create = try await load.run(count: tickets, concurrency: concurrency, keep: Self.ticketId) { index in
            let body = #"{"subject":"Printer shows E3 (\#(index))","body":"Since the update our LX-400 shows E3 and will not print. Order \#(index).","requester":{"email":"customer\#(index % 5000)@example.test","name":"Customer \#(index % 5000)"},"channel":"email","tags":["printer","batch-\#(index % 20)"]}"#
            return (.POST, "/api/v1/tickets", body)
        }
        let ids = create.kept
        let health = try await load.run(count: healthz, concurrency: concurrency) { _ in (.GET, "/healthz", nil) }
        let message = try await load.run(count: messages, concurrency: concurrency) { index in
            (.POST, "/api/v1/tickets/\(ids[(index * 7919) % ids.count])/messages", #"{"body":"Thanks, we are on it (\#(index)).","visibility":"\#(index % 3 == 0 ? "internal" : "public")"}"#)
        }
        let get = try await load.run(count: reads, concurrency: concurrency) { index in
            (.GET, "/api/v1/tickets/\(ids[(index * 104_729) % ids.count])", nil)
        }
        let list = try await load.run(count: reads, concurrency: concurrency) { index in
            switch index % 4 {
            case 0: (.GET, "/api/v1/tickets?limit=50", nil)
            case 1: (.GET, "/api/v1/tickets?limit=50&status=\(statuses[index % statuses.count])", nil)
            case 2: (.GET, "/api/v1/tickets?limit=50&tag=batch-\(index % 20)", nil)
            default: (.GET, "/api/v1/tickets?limit=50&cursor=\(Self.cursor(beforeNumber: 1001 + (index * 7) % max(1, ids.count)))", nil)
            }
        }
        let rss = server.peakRSSMiB

        print("")
        print("| measure | value |")
        print("|---|---|")
        print("| ticket creations/s (concurrency \(concurrency)) | \(Int(create.perSecond)) |")
        print("| /healthz/s (concurrency \(concurrency)) | \(Int(health.perSecond)) |")
        print("| creations/s ÷ /healthz/s | \(String(format: "%.4f", create.perSecond / max(1, health.perSecond))) |")
        print("| messages/s | \(Int(message.perSecond)) |")
        print("| create p50 / p99 | \(ms(create.percentile(0.5))) / \(ms(create.percentile(0.99))) ms |")
        print("| GET ticket p50 / p99 (\(ids.count) tickets) | \(ms(get.percentile(0.5))) / \(ms(get.percentile(0.99))) ms |")
        print("| list page p50 / p99 | \(ms(list.percentile(0.5))) / \(ms(list.percentile(0.99))) ms |")
        print("| message p50 / p99 | \(ms(message.percentile(0.5))) / \(ms(message.percentile(0.99))) ms |")
        print("| server peak RSS | \(rss.map { String(format: "%.0f MiB", $0) } ?? "n/a") |")
    }

    private func ms(_ value: Double) -> String { String(format: "%.2f", value) }

    @Sendable static func ticketId(_ body: ByteBuffer) -> String? {
        struct Created: Decodable { let id: String }
        return try? JSONDecoder().decode(Created.self, from: Data(buffer: body)).id
    }

    /// The API's cursor format (an opaque string to clients; the benchmark makes one to read deep pages).
    static func cursor(beforeNumber number: Int) -> String {
        Data("t:\(number)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}
