import Foundation
import Testing

/// No source builds a web path from a string literal: links go through `WebRoute`, so the drift
/// between pages and the route table that this replaced cannot come back unseen.
@Suite("No hand-written web paths")
struct WebRouteLiteralsTests {
    /// A quote or a closing interpolation right before a web prefix: `"/desk…`, `\"/portal…`,
    /// `\(base)/admin…`. Comments may name paths; they are skipped.
    static let pathLiteral = #"["\)]/(desk|portal|admin|login|logout|contact|setup|assets)\b"#

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
    }

    static func offenders() throws -> [String] {
        let root = sources.standardizedFileURL.path + "/"
        guard let files = FileManager.default.enumerator(atPath: root) else { return ["cannot read \(root)"] }
        let literal = try NSRegularExpression(pattern: pathLiteral)
        var found: [String] = []
        for case let file as String in files where file.hasSuffix(".swift") {
            guard !file.hasPrefix("Web/Routes/") else { continue }
            let text = try String(contentsOfFile: root + file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                let range = NSRange(code.startIndex..., in: code)
                if literal.firstMatch(in: code, range: range) != nil { found.append("\(file):\(index + 1): \(code)") }
            }
        }
        return found.sorted()
    }

    @Test func noSourceWritesAWebPathByHand() throws {
        let found = try Self.offenders()
        #expect(found.isEmpty, "build these links with WebRoute:\n\(found.joined(separator: "\n"))")
    }
}
