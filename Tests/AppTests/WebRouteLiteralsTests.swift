import Foundation
import Testing

/// No source builds a web path from a string literal: links go through `WebRoute`, so the drift
/// between pages and the route table that this replaced cannot come back unseen.
@Suite("No hand-written web paths")
struct WebRouteLiteralsTests {
    /// Files still being rewritten elsewhere (the page models and the journey panels); each is to
    /// leave this list when its links are `WebRoute`s.
    static let temporaryExceptions: Set<String> = [
        "Web/Desk/TicketDetailPage+Model.swift",
        "Web/Desk/TicketDetailPage+View.swift",
        "Web/Desk/TicketPageController.swift",
        "Web/Desk/DeskListPage+Model.swift",
        "Web/Desk/DeskListPage+View.swift",
        "Web/Desk/DeskListQuery.swift",
        "Web/Desk/ParticipantsPanel.swift",
        "Web/Desk/Journey/AfterTicketPanel.swift",
        "Web/Desk/Journey/CallsPanel.swift",
        "Web/Desk/Journey/EntitlementsPanel.swift",
        "Web/Desk/Journey/EscalationsPanel.swift",
        "Web/Desk/Journey/JourneyForms.swift",
        "Web/Desk/Journey/JourneyNav.swift",
        "Web/Desk/Journey/PromisesPanel.swift",
        "Web/Portal/PortalPages.swift",
        "Web/People/HealthPage.swift",
    ]

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
            guard !file.hasPrefix("Web/Routes/"), !temporaryExceptions.contains(file) else { continue }
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

    @Test func theExceptionsStillExist() {
        // An exception for a file that moved or was renamed would silently cover nothing.
        let root = Self.sources.path + "/"
        let gone = Self.temporaryExceptions.filter { !FileManager.default.fileExists(atPath: root + $0) }
        #expect(gone.isEmpty, "remove from the exceptions: \(gone.sorted())")
    }
}
