import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document of the REST API, kept true by a test that compares it with
/// the registered routes.
enum OpenAPIController {
    /// Built once from the fragments in the resource bundle.
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
        guard let folder = Bundle.module.url(forResource: "openapi", withExtension: nil, subdirectory: "Resources") else {
            throw Missing()
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { ($0.lastPathComponent == "base.json" ? "" : $0.lastPathComponent) < ($1.lastPathComponent == "base.json" ? "" : $1.lastPathComponent) }
        var document: [String: Any] = [:]
        for file in files {
            guard let fragment = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else { continue }
            document = merge(document, fragment)
        }
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
