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

        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = binary
        server.currentDirectoryURL = folder
        server.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["FRONTLINE_DATA_DIR"] = dataDirectory.path
        environment["LOG_LEVEL"] = "error"
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
        #expect(server.isRunning, "the server is still up after every request")
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/App/Resources")

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
