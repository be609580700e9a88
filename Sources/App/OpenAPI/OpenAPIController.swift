import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document of the REST API, kept true by a test that compares it with
/// the registered routes.
enum OpenAPIController {
    /// Built once from the fragments embedded in the binary.
    static let contents: Data? = try? OpenAPIDocument.merged()

    @Sendable static func document(req: Request) throws -> Response {
        guard let contents else { throw Abort(.internalServerError, reason: "the OpenAPI document is missing from the build") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: contents))
    }
}

/// The OpenAPI document is kept as one fragment per feature (`Resources/openapi/*.json`, each with
/// `paths` and `components`), so that features add their routes without editing one shared file.
/// `base.json` holds the info, security schemes and shared schemas.
enum OpenAPIDocument {
    struct Missing: Error {}

    static func merged() throws -> Data {
        let files = EmbeddedResources.files(in: "openapi")
        guard files["base.json"] != nil else { throw Missing() }
        // base.json first, then the features in name order.
        let names = files.keys.filter { $0.hasSuffix(".json") }.sorted { ($0 == "base.json" ? "" : $0) < ($1 == "base.json" ? "" : $1) }
        var document: [String: Any] = [:]
        for name in names {
            guard let data = files[name], let fragment = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            document = merge(document, fragment)
        }
        document = OpenAPICommonResponses.add(to: document)
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Deep merge of JSON objects; later fragments add keys, never remove them.
    private static func merge(_ base: [String: Any], _ addition: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in addition {
            if let existing = result[key] as? [String: Any], let more = value as? [String: Any] {
                result[key] = merge(existing, more)
            } else {
                result[key] = value
            }
        }
        return result
    }
}
