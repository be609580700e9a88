import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs smtp_sink.py (aiosmtpd) as a subprocess for one test: a real SMTP server on loopback.
public final class SMTPSink {
    /// True when python3 with aiosmtpd can run here; SMTP tests are skipped otherwise.
    public static let isAvailable: Bool = {
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

    public let directory: URL
    public let port: Int
    private let process: Process
    private let lifeline = Pipe()

    /// Starts the server; `port` makes it listen on that port (e.g. one a test configured while
    /// the server was "down"), otherwise it picks a free one.
    public init(port: Int? = nil, arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--dir", directory.path] + (port.map { ["--port", String($0)] } ?? []) + arguments
        process.standardInput = lifeline
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard Date() < deadline, process.isRunning else { throw SinkError.didNotStart }
            Thread.sleep(forTimeInterval: 0.05)
        }
        self.port = Int(try String(contentsOf: portFile, encoding: .utf8)) ?? 0
    }

    /// A throw-away self-signed certificate and key for `--tls` (made with openssl), or nil when
    /// openssl is not installed.
    public static func makeCertificate(in directory: URL) -> (certificate: String, key: String)? {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
            "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? (certificate, key) : nil
    }

    /// A port nothing listens on right now.
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw SinkError.didNotStart }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The n-th received message (1-based) as the server stored it.
    public func message(_ number: Int) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent("\(number).eml")))
    }

    public func envelope(_ number: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(number).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    public func receivedCount() -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.count
    }

    deinit {
        // Closing its stdin tells the sink to exit; it watches for that.
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    public enum SinkError: Error { case didNotStart }
}
