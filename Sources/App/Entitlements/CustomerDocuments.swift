import Fluent
import Vapor

/// Puts a proof document on record for a customer, from any surface (API, portal, desk): the bytes
/// are on disk and synced before the row that points at them commits.
struct CustomerDocuments {
    static let maxBytes = 20 * 1024 * 1024
    /// What upload routes collect: the document plus room for the form around it.
    static let maxRequestBody: ByteCount = "21mb"

    let app: Application

    /// Checks name, size and emptiness, stores the file, records the document.
    func store(
        _ data: Data, filename raw: String, contentType: String, for customerId: UUID, by actor: Actor, at now: Date
    ) async throws -> CustomerDocument {
        let filename = (raw as NSString).lastPathComponent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...255).contains(filename.unicodeScalars.count) else { throw RequestError.invalid("filename", "filename must be 1 to 255 characters") }
        // The one text of an upload; the file itself may hold any bytes.
        guard !filename.utf8.contains(0) else { throw NULCharacters.refused("filename") }
        guard !contentType.utf8.contains(0) else { throw NULCharacters.refused("content_type") }
        guard !data.isEmpty else { throw RequestError.invalid("file", "the document is empty") }
        guard data.count <= Self.maxBytes else { throw RequestError(.payloadTooLarge, "payload_too_large", "documents are at most 20 MiB") }
        let store = BlobStore(dataDirectory: app.frontlineConfig.dataDirectory, kind: "documents")
        let sha256 = try await app.threadPool.runIfActive { try store.put(Array(data)) }
        let document = CustomerDocument(
            customerId: customerId, sha256: sha256, filename: filename, contentType: contentType, size: data.count,
            uploadedBy: actor, at: now)
        try await app.write { db in try await document.create(on: db) }
        return document
    }

    /// The file as a download: never shown inline, never sniffed into something else, never able
    /// to run script on our origin, whatever type the uploader claimed.
    func download(_ document: CustomerDocument) async throws -> Response {
        let store = BlobStore(dataDirectory: app.frontlineConfig.dataDirectory, kind: "documents")
        let sha256 = document.sha256
        let data = Data(try await app.threadPool.runIfActive { try store.get(sha256) })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        let safeName = document.filename.filter { $0 != "\"" && $0 != "\\" && !$0.isNewline }
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safeName)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
