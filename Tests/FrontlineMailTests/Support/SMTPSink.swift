import Foundation

/// Runs Support/smtp_sink.py (aiosmtpd) as a subprocess for one test.
final class SMTPSink {
    /// True when python3 with aiosmtpd can run here; SMTP tests are skipped otherwise.
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_sink.py")

    let directory: URL
    let port: Int
    private let process: Process
    private let lifeline = Pipe()

    init(arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--dir", directory.path] + arguments
        process.standardInput = lifeline
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard Date() < deadline, process.isRunning else { throw SinkError.didNotStart }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = Int(try String(contentsOf: portFile, encoding: .utf8)) ?? 0
    }

    /// The n-th received message (1-based) as the server stored it.
    func message(_ number: Int) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(number).eml")))
    }

    func envelope(_ number: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(number).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func receivedCount() -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.count
    }

    deinit {
        // Closing its stdin tells the sink to exit; it watches for that.
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    enum SinkError: Error { case didNotStart }
}
