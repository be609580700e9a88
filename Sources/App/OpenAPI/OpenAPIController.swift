import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document of the REST API, kept true by a test that compares it with
/// the registered routes.
enum OpenAPIController {
    /// Read once: the document ships inside the binary's resource bundle.
    static let contents: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }

    @Sendable static func document(req: Request) throws -> Response {
        guard let contents else { throw Abort(.internalServerError, reason: "the OpenAPI document is missing from the build") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: contents))
    }
}
