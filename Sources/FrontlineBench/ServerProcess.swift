import Foundation

/// A release `frontline` server started for a benchmark on an empty data directory, with the
/// admin token the benchmark drives it with.
final class ServerProcess {
    let baseURL: String
    let token: String
    let dataDirectory: String
    private let process: Process

    /// Starts `frontline serve` next to this binary (both come from the same `swift build`).
    init(binaryDirectory: URL, port: Int, environment extra: [String: String] = [:]) throws {
        let binary = binaryDirectory.appendingPathComponent("frontline")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchError("no frontline binary at \(binary.path): run `swift build -c release` first")
        }
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["FRONTLINE_DATA_DIR"] = dataDirectory
        environment["LOG_LEVEL"] = "warning"
        environment.merge(extra) { $1 }

        try Self.run(binary, ["user", "create", "--email", "bench@example.test", "--name", "Bench", "--role", "admin"], environment)
        token = try Self.run(binary, ["token", "create", "--email", "bench@example.test"], environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)

        process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        baseURL = "http://127.0.0.1:\(port)"
    }

    var pid: Int32 { process.processIdentifier }

    /// The most memory the server has held so far (VmHWM), in MiB.
    var peakRSSMiB: Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    @discardableResult
    private static func run(_ binary: URL, _ arguments: [String], _ environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("frontline \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
