import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// The built `frontline` binary running as a server on a free loopback port, the way an operator
/// runs it; stopped (SIGTERM, or SIGKILL for crash tests) when the test is done.
final class ServerProcess {
    let port: Int
    let process = Process()
    private let output: URL

    init(environment extra: [String: String], dataDirectory: String) throws {
        guard let binary = CLIRunner.binary else { throw CocoaError(.fileNoSuchFile) }
        port = try SMTPSink.freePort()
        output = URL(fileURLWithPath: dataDirectory).appendingPathComponent("server-\(port).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = binary
        process.arguments = ["serve", "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["FRONTLINE_DATA_DIR"] = dataDirectory
        environment["FRONTLINE_BCRYPT_COST"] = "4"
        environment["LOG_LEVEL"] = "notice"
        environment.merge(extra) { $1 }
        process.environment = environment
        let log = try FileHandle(forWritingTo: output)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits until `/healthz` answers (the server listens), or throws after `timeout` seconds.
    func waitUntilUp(timeout: TimeInterval = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw ServerDidNotStart(log: log) }
            if (try? await get("/healthz").status) == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServerDidNotStart(log: log)
    }

    func get(_ path: String, token: String? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let log: String
        var description: String { "the server did not start:\n\(log)" }
    }
}
