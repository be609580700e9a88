import Foundation
import Testing

/// Compares a rendered page with the HTML file committed beside the tests (`__Snapshots__/`).
/// A missing file is recorded and the test fails once, so a snapshot is never taken silently in
/// CI; `FRONTLINE_RECORD_SNAPSHOTS=1` records them all again after a deliberate change. Committed
/// files rather than a snapshot library: no new dependency (and no swift-syntax build) for CI.
enum HTMLSnapshot {
    static func expect(_ html: String, matches name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = folder.appendingPathComponent("\(name).html")
        let record = ProcessInfo.processInfo.environment["FRONTLINE_RECORD_SNAPSHOTS"] == "1"
        guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try html.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded the snapshot \(file.path); check it, commit it and run the test again.", sourceLocation: sourceLocation)
            return
        }
        guard stored != html else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.html")
        try html.write(to: actual, atomically: true, encoding: .utf8)
        let storedLines = stored.components(separatedBy: "\n")
        let actualLines = html.components(separatedBy: "\n")
        let line = zip(storedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(storedLines.count, actualLines.count)
        let was = line < storedLines.count ? storedLines[line] : "(end of file)"
        let now = line < actualLines.count ? actualLines[line] : "(end of file)"
        Issue.record(
            "\(name).html differs from the page at line \(line + 1):\n  snapshot: \(was)\n  page:     \(now)\nThe page is in \(actual.path).",
            sourceLocation: sourceLocation)
    }
}
