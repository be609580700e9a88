import Foundation

/// Runs the built `frontline` binary as a subprocess, the way scripts and MTAs do.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let dataDirectory: String

    init() throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    }

    /// The binary next to the test bundle (`swift build` puts every product in one folder).
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["FRONTLINE_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("frontline"),
            Bundle.main.bundleURL.appendingPathComponent("frontline"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/frontline"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Result {
        guard let binary = Self.binary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil  // the CLI tests run on their own SQLite data directory
        environment["FRONTLINE_DATA_DIR"] = dataDirectory
        environment["FRONTLINE_BCRYPT_COST"] = "4"
        environment["LOG_LEVEL"] = "error"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }
}
