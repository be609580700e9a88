import Foundation

/// Responses that follow from an operation's shape rather than its feature, added to every
/// operation whose fragment does not describe them itself, so the document says what the
/// server does: a body can be malformed (400) or of the wrong type (415), and so can a cursor
/// (400); an id in the path or an `_id` filter can name nothing (404); a token can be missing
/// (401); any text, query strings included, can hold a NUL or a bad value (422).
enum OpenAPICommonResponses {
    static let methods = ["get", "put", "post", "patch", "delete"]

    static func add(to document: [String: Any]) -> [String: Any] {
        var document = document
        guard var paths = document["paths"] as? [String: Any] else { return document }
        let globalSecurity = !((document["security"] as? [Any]) ?? []).isEmpty
        for (path, value) in paths {
            guard var item = value as? [String: Any] else { continue }
            let pathParameters = ((item["parameters"] as? [[String: Any]]) ?? []).contains { $0["in"] as? String == "path" }
                || path.contains("{")
            for method in methods {
                guard var operation = item[method] as? [String: Any] else { continue }
                var responses = (operation["responses"] as? [String: Any]) ?? [:]
                let hasBody = operation["requestBody"] != nil
                let query = ((operation["parameters"] as? [[String: Any]]) ?? []).filter { $0["in"] as? String == "query" }
                    .compactMap { $0["name"] as? String }
                let hasQuery = !query.isEmpty
                let secured = (operation["security"] as? [Any]).map { !$0.isEmpty } ?? globalSecurity
                func add(_ status: String, _ name: String) {
                    if responses[status] == nil { responses[status] = ["$ref": "#/components/responses/\(name)"] }
                }
                if hasBody {
                    add("400", "BadRequest")
                    add("415", "UnsupportedMediaType")
                }
                if hasBody || hasQuery { add("422", "Unprocessable") }
                if query.contains("cursor") { add("400", "BadRequest") }
                // An id in the path, or a filter naming a team or person by id, can name nothing.
                if pathParameters || query.contains(where: { $0.hasSuffix("_id") }) { add("404", "NotFound") }
                if secured { add("401", "Unauthenticated") }
                operation["responses"] = responses
                item[method] = operation
            }
            paths[path] = item
        }
        document["paths"] = paths
        return document
    }
}
