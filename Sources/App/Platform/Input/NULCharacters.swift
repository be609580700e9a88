import Foundation
import Vapor

/// NUL characters are refused in every text a client sends (JSON bodies, forms, query strings):
/// PostgreSQL cannot store them in text, and no person types one. The answer is a 422 naming the
/// field, on both databases. Mail is read by the mail intake, which has its own rules.
enum NULCharacters {
    static func refused(_ field: String) -> RequestError {
        .invalid(field, "\(field) must not contain NUL characters")
    }

    /// The JSON path (`requester.email`, `tags.0`) of the first string or key holding a NUL.
    /// A cheap byte scan first: a NUL can only be in valid JSON as the escape `\u0000`.
    static func field(inJSON body: some Collection<UInt8>) -> String? {
        guard body.containsSequence(Array(#"\u0000"#.utf8)) else { return nil }
        guard let value = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else { return nil }
        return path(in: value, at: [])
    }

    private static func path(in value: Any, at path: [String]) -> String? {
        switch value {
        case let text as String:
            return text.utf8.contains(0) ? (path.isEmpty ? "body" : path.joined(separator: ".")) : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if key.utf8.contains(0) { return (path + [key.replacingOccurrences(of: "\0", with: "")]).joined(separator: ".") }
                if let found = self.path(in: object[key] as Any, at: path + [key]) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = self.path(in: element, at: path + [String(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The name of the first field of `a=1&b=2` (a form body or a query string) whose name or
    /// value holds a NUL, raw or percent-encoded.
    static func field(inForm encoded: some Collection<UInt8>) -> String? {
        guard encoded.contains(0) || encoded.containsSequence(Array("%00".utf8)) else { return nil }
        let text = String(decoding: encoded, as: UTF8.self)
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (raw: Substring) in (raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(raw)) }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if name.utf8.contains(0) || value.utf8.contains(0) {
                return name.utf8.contains(0) ? name.replacingOccurrences(of: "\0", with: "") : name
            }
        }
        return nil
    }
}

/// Refuses a NUL in the query string of any request, before a handler reads it (handlers read
/// optional parameters with `try?`, which would quietly drop a parameter that fails to decode).
struct NULQueryRefusal: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, let field = NULCharacters.field(inForm: Array(query.utf8)) {
            throw NULCharacters.refused(field)
        }
        return try await next.respond(to: request)
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in the bytes.
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return true }
            index = self.index(after: found)
        }
        return false
    }
}
