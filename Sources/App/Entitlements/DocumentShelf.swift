import Fluent
import Foundation
import Vapor

/// Where a customer's proof documents (receipts, warranty cards) are filed and read back: the
/// bytes content-addressed on disk, the row on the customer, so every ticket of theirs shows it.
/// The API's upload and download and the desk's attach form and download link all go through here.
struct DocumentShelf {
    static let maxBytes = 20 * 1024 * 1024

    let application: Application
    private var store: BlobStore {
        BlobStore(dataDirectory: application.frontlineConfig.dataDirectory, kind: "documents")
    }

    /// Checks and files the document for the customer; the file is on disk (synced) before the
    /// row that points at it commits.
    func file(
        _ data: Data, filename rawFilename: String, contentType: String, customerId: UUID, uploadedBy: Actor
    ) async throws -> CustomerDocument {
        let filename = (rawFilename as NSString).lastPathComponent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...255).contains(filename.count) else { throw RequestError.invalid("filename", "filename must be 1 to 255 characters") }
        guard !data.isEmpty else { throw RequestError.invalid("file", "the document is empty") }
        guard data.count <= Self.maxBytes else { throw RequestError(.payloadTooLarge, "payload_too_large", "documents are at most 20 MiB") }
        let store = store
        let sha256 = try await application.threadPool.runIfActive { try store.put(Array(data)) }
        let document = CustomerDocument()
        document.customerId = customerId
        document.sha256 = sha256
        document.filename = filename
        document.contentType = contentType
        document.size = data.count
        document.uploadedByType = uploadedBy.kind.rawValue
        document.uploadedByName = uploadedBy.name
        document.createdAt = Date()
        try await application.write { db in try await document.create(on: db) }
        return document
    }

    /// Staff read any document; a customer only their own (another's is "not found", like one
    /// that does not exist).
    static func mayRead(_ document: CustomerDocument, _ principal: Principal) -> Bool {
        switch principal {
        case .user: true
        case .customer(let customer): customer.id == document.customerId
        }
    }

    /// The document as a download (`attachment`, its stored content type), checked for `principal`.
    func download(_ id: UUID, for principal: Principal, on db: any Database) async throws -> Response {
        guard let document = try await CustomerDocument.find(id, on: db), Self.mayRead(document, principal) else {
            throw RequestError.notFound("document")
        }
        let store = store
        let sha256 = document.sha256
        let data = Data(try await application.threadPool.runIfActive { try store.get(sha256) })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        let safeName = document.filename.replacingOccurrences(of: "\"", with: "")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safeName)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// What a ticket shows of its customer: active entitlements, products, and every document
    /// they sent, whichever ticket it came with.
    static func onRecord(customerId: UUID, on db: any Database, now: Date = Date()) async throws -> TicketEntitlements {
        let entitlements = try await Entitlement.query(on: db).filter(\.$customerId == customerId).sort(\.$endsOn).all()
            .filter { EntitlementsController.isActive($0, at: now) }
        let products = try await Product.query(on: db).filter(\.$customerId == customerId).sort(\.$createdAt).all()
        let documents = try await CustomerDocument.query(on: db).filter(\.$customerId == customerId).sort(\.$createdAt).all()
        return TicketEntitlements(
            customerId: customerId, active: try await EntitlementsController.dtos(entitlements, on: db),
            products: try products.map(ProductDTO.init), documents: try documents.map(DocumentDTO.init))
    }
}
