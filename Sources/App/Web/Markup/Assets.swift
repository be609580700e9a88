import Foundation
import Vapor

/// The stylesheet and script of the web app, embedded in the binary (see `EmbeddedResources`), so
/// the binary serves them from wherever it is installed and started.
enum Assets {
    static let files: [String: Data] = EmbeddedResources.files(in: "Public")

    @Sendable static func serve(req: Request) throws -> Response {
        guard let name = req.parameters.get("file"), let data = files[name] else { throw WebError.notFound("file") }
        var headers = HTTPHeaders()
        switch (name as NSString).pathExtension {
        case "css": headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        case "js": headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        default: headers.contentType = .binary
        }
        headers.add(name: .cacheControl, value: "public, max-age=300")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
