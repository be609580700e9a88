import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The binary carries its resources: copied alone to another folder (as the README's
/// `/usr/local/bin/frontline` install does), it serves every asset and the OpenAPI document.
@Suite("A moved binary")
struct MovedBinaryTests {
    @Test func servesEveryAssetAndTheOpenAPIDocumentFromAnotherFolder() async throws {
        let built = try #require(CLIRunner.binary, "build the frontline binary first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-moved-\(UUID().uuidString)")
        let dataDirectory = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("frontline")
        try FileManager.default.copyItem(at: built, to: binary)
        // A resource bundle in the build folder (left by an older build) would let the binary find
        // its files at the build path it was compiled with; an installed binary has no build
        // folder beside it, so the bundle is hidden while the moved binary runs.
        let bundle = built.deletingLastPathComponent().appendingPathComponent("frontline_App.resources")
        let hidden = folder.appendingPathComponent("hidden.resources")
        let hid = (try? FileManager.default.moveItem(at: bundle, to: hidden)) != nil
        defer { if hid { try? FileManager.default.moveItem(at: hidden, to: bundle) } }

        // A staff token, made with the moved binary too, for the questionnaire (Resources/role-profile.json).
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["FRONTLINE_DATA_DIR"] = dataDirectory.path
        environment["FRONTLINE_BCRYPT_COST"] = "4"
        environment["LOG_LEVEL"] = "error"
        _ = try Self.run(binary, ["user", "create", "--email", "ana@example.test", "--name", "Ana", "--role", "agent"], environment)
        let token = try Self.run(binary, ["token", "create", "--email", "ana@example.test"], environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)

        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = binary
        server.currentDirectoryURL = folder
        server.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        server.environment = environment
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }

        let base = "http://127.0.0.1:\(port)"
        try await Self.waitUntilReady(base, server: server)

        let assets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.appendingPathComponent("Public").path)
        #expect(!assets.isEmpty)
        for name in assets {
            let (status, body) = try await Self.get("\(base)/assets/\(name)")
            #expect(status == 200, "\(name)")
            let original = try Data(contentsOf: Self.sources.appendingPathComponent("Public/\(name)"))
            #expect(body == original, "\(name) is served byte for byte")
        }
        let (status, body) = try await Self.get("\(base)/openapi.json")
        #expect(status == 200)
        let document = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        var questions = URLRequest(url: URL(string: "\(base)/api/v1/role-profile/questions")!)
        questions.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, answer) = try await URLSession.shared.data(for: questions)
        #expect((answer as? HTTPURLResponse)?.statusCode == 200, "the questionnaire is in the binary too")
        #expect(server.isRunning, "the server is still up after every request")
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/App/Resources")

    /// Runs the binary to completion and returns its standard output.
    static func run(_ binary: URL, _ arguments: [String], _ environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "frontline \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    static func get(_ url: String) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    static func waitUntilReady(_ base: String, server: Process) async throws {
        for _ in 0..<300 {
            guard server.isRunning else { throw CocoaError(.executableLoad) }
            if let (status, _) = try? await get("\(base)/healthz"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CocoaError(.executableLoad)
    }
}
