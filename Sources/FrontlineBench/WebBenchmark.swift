import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `frontline-bench web`: the agent desk's pages against a release server: the ticket page with a
/// 200-entry timeline and list views over a large backlog, timed one request at a time so the
/// figures are the server's time per page.
struct WebBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web", abstract: "Ticket page and desk list views (server-rendered HTML) against a release server.")

    @Option(help: "Tickets in the backlog.") var tickets = 100_000
    @Option(help: "Timeline entries on the measured ticket.") var timeline = 200
    @Option(help: "Timed requests per page kind.") var reads = 500
    @Option(help: "Requests in flight while filling the backlog.") var concurrency = 16
    @Option(help: "Port for the server.") var port = 18_081

    static let password = "bench-password-1"

    func run() async throws {
        let binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let server = try ServerProcess(binaryDirectory: binaryDirectory, port: port)
        defer { server.stop() }
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(redirectConfiguration: .disallow, connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            try await measure(client: client, server: server, binaryDirectory: binaryDirectory)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func measure(client: HTTPClient, server: ServerProcess, binaryDirectory: URL) async throws {
        let api = LoadRunner(client: client, baseURL: server.baseURL, token: server.token)
        try await waitUntilReady(api)
        try Self.createAgent(binaryDirectory: binaryDirectory, dataDirectory: server.dataDirectory)
        print("Frontline web benchmark: \(tickets) tickets, a ticket with \(timeline) timeline entries, \(reads) timed reads per page")

        let priorities = ["low", "normal", "high", "urgent"]
        let created = try await api.run(count: tickets, concurrency: concurrency, keep: HTTPBenchmark.ticketId) { index in
            let body = #"{"subject":"Printer shows E3 (\#(index))","body":"Since the update our LX-400 shows E3. Order \#(index).","requester":{"email":"customer\#(index % 5000)@example.test"},"priority":"\#(priorities[index % 4])","tags":["batch-\#(index % 20)"]}"#
            return (.POST, "/api/v1/tickets", body)
        }
        print("backlog filled: \(Int(created.perSecond)) tickets/s")
        let busy = created.kept[created.kept.count / 2]
        // created + first message are two entries; the rest are replies and notes.
        _ = try await api.run(count: max(0, timeline - 2), concurrency: 1) { index in
            (.POST, "/api/v1/tickets/\(busy)/messages", #"{"body":"Step \#(index): we checked the fuser and reset the board. Please try again and tell us what the panel shows.","visibility":"\#(index % 4 == 0 ? "internal" : "public")"}"#)
        }
        let number = try await ticketNumber(api, id: busy)

        let web = try await WebSession.signIn(client: client, baseURL: server.baseURL, email: "agent@bench.test", password: Self.password)
        let deep = 1000 + tickets / 2
        let pages: [(String, (Int) -> String)] = [
            ("ticket page (\(timeline) entries)", { _ in "/desk/tickets/\(number)" }),
            ("All open, first page", { _ in "/desk/views/open" }),
            ("All open, deep page", { index in "/desk/views/open?after=\(deep - (index * 37) % (tickets / 4))" }),
            ("All open by priority", { _ in "/desk/views/open?sort=priority" }),
            ("All open by customer waiting", { _ in "/desk/views/open?sort=waiting" }),
            ("Unassigned, tag filter", { index in "/desk/views/unassigned?tag=batch-\(index % 20)" }),
        ]
        print("")
        print("| page | p50 | p99 | bytes |")
        print("|---|---|---|---|")
        for (name, path) in pages {
            _ = try await web.get(path(0))  // warm up
            var latencies: [Duration] = []
            var bytes = 0
            let start = ContinuousClock.now
            for index in 0..<reads {
                let (latency, size) = try await web.get(path(index))
                latencies.append(latency)
                bytes = size
            }
            let result = Measurement(latencies: latencies, elapsed: ContinuousClock.now - start)
            print("| \(name) | \(ms(result.percentile(0.5))) ms | \(ms(result.percentile(0.99))) ms | \(bytes) |")
        }
        print("| server peak RSS | \(server.peakRSSMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a") | | |")
    }

    private func ticketNumber(_ api: LoadRunner, id: String) async throws -> Int {
        struct Ticket: Decodable { let number: Int }
        let (_, body) = try await api.send(.GET, "/api/v1/tickets/\(id)", nil)
        return try JSONDecoder().decode(Ticket.self, from: Data(buffer: body)).number
    }

    private func waitUntilReady(_ load: LoadRunner) async throws {
        for _ in 0..<200 {
            if (try? await load.send(.GET, "/readyz", nil)) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("the server did not become ready in 10 s")
    }

    private func ms(_ value: Double) -> String { String(format: "%.2f", value) }

    /// An agent who signs in with a password (the server's bench admin has none).
    private static func createAgent(binaryDirectory: URL, dataDirectory: String) throws {
        let process = Process()
        process.executableURL = binaryDirectory.appendingPathComponent("frontline")
        process.arguments = ["user", "create", "--email", "agent@bench.test", "--name", "Bench Agent", "--role", "agent", "--password", password]
        var environment = ProcessInfo.processInfo.environment
        environment["FRONTLINE_DATA_DIR"] = dataDirectory
        environment["LOG_LEVEL"] = "warning"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("could not create the bench agent") }
    }
}

/// A signed-in browser session for the benchmark: the session cookie, nothing else.
struct WebSession: Sendable {
    let client: HTTPClient
    let baseURL: String
    let cookie: String

    static func signIn(client: HTTPClient, baseURL: String, email: String, password: String) async throws -> WebSession {
        let form = try await client.execute(HTTPClientRequest(url: baseURL + "/login"), timeout: .seconds(30))
        let csrfCookie = cookies(form.headers)
        let page = String(buffer: try await form.body.collect(upTo: 1 << 20))
        guard let range = page.range(of: "name=\"_csrf\" value=\"") else { throw BenchError("no CSRF token on /login") }
        let token = String(page[range.upperBound...].prefix { $0 != "\"" })
        var request = HTTPClientRequest(url: baseURL + "/login")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: csrfCookie)
        let body = "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? email)&password=\(password)&_csrf=\(token)"
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        let session = cookies(response.headers)
        guard response.status == .seeOther, session.contains("frontline_session=") else {
            throw BenchError("sign-in failed: \(response.status.code)")
        }
        return WebSession(client: client, baseURL: baseURL, cookie: session)
    }

    /// One page: its latency and size. Anything but 200 fails the benchmark.
    func get(_ path: String) async throws -> (Duration, Int) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.headers.add(name: "Cookie", value: cookie)
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        let latency = ContinuousClock.now - start
        guard response.status == .ok else { throw BenchError("GET \(path) answered \(response.status.code)") }
        return (latency, body.readableBytes)
    }

    private static func cookies(_ headers: HTTPHeaders) -> String {
        headers["Set-Cookie"].compactMap { $0.split(separator: ";").first.map(String.init) }.joined(separator: "; ")
    }
}
