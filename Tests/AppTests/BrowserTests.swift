import Foundation
import Testing

/// Runs the Python/Selenium browser suite (Tests/Browser/suite.py) against the built `frontline`
/// binary in headless Chromium. Skipped when chromium, chromedriver or selenium are missing,
/// unless FRONTLINE_REQUIRE_BROWSER=1, when their absence fails the test.
@Suite("Browser")
struct BrowserTests {
    @Test(.enabled(if: BrowserTools.missing.isEmpty || BrowserTools.required, BrowserTools.skipMessage))
    func theBrowserSuitePasses() throws {
        try #require(BrowserTools.missing.isEmpty, "FRONTLINE_REQUIRE_BROWSER=1 but missing: \(BrowserTools.missing.joined(separator: ", "))")
        let binary = try #require(CLIRunner.binary, "the frontline binary is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BrowserTools.repository.appendingPathComponent("Tests/Browser/suite.py").path]
        var environment = ProcessInfo.processInfo.environment
        environment["FRONTLINE_BINARY"] = binary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "browser suite failed:\n\(text)")
    }
}

/// Whether the browser suite's tools are installed.
enum BrowserTools {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let required = ProcessInfo.processInfo.environment["FRONTLINE_REQUIRE_BROWSER"] == "1"

    static let missing: [String] = {
        var missing: [String] = []
        if !["chromium", "chromium-browser", "google-chrome"].contains(where: onPath) { missing.append("chromium") }
        if !onPath("chromedriver") { missing.append("chromedriver") }
        if !succeeds(["python3", "-c", "import selenium"]) { missing.append("selenium (pip install selenium)") }
        return missing
    }()

    static var skipMessage: Comment {
        "browser suite skipped: missing \(missing.joined(separator: ", ")); install them (apt-get install chromium chromium-driver; pip install selenium) or set FRONTLINE_REQUIRE_BROWSER=1 to make this a failure"
    }

    private static func onPath(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    private static func succeeds(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
