import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/customers/{id}/products|entitlements|documents`, `/documents/{id}`,
/// `/tickets/{id}/entitlements` and `/entitlements/lookup`: what a customer owns and is entitled
/// to, with the proof they sent. Customers read and add their own products and documents; another
/// customer's answer 404. Recording a warranty or contract is for staff.
enum EntitlementsController {
    // MARK: products

    @Sendable static func products(req: Request) async throws -> ProductList {
        let customer = try await customerInScope(req)
        let rows = try await Product.query(on: req.db).filter(\.$customerId == (try customer.requireID())).sort(\.$createdAt).all()
        return ProductList(products: try rows.map(ProductDTO.init))
    }

    @Sendable static func addProduct(req: Request) async throws -> Response {
        let customer = try await customerInScope(req)
        let input = try req.content.decode(ProductRequest.self)
        let model = input.model.trimmingCharacters(in: .whitespacesAndNewlines)
        let serial = input.serialNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(model.unicodeScalars.count) else { throw RequestError.invalid("model", "model must be 1 to 200 characters") }
        guard (1...100).contains(serial.unicodeScalars.count) else { throw RequestError.invalid("serial_number", "serial_number must be 1 to 100 characters") }
        if let date = input.purchaseDate, !Coverage.isDate(date) {
            throw RequestError.invalid("purchase_date", "purchase_date must be a date in the form yyyy-MM-dd")
        }
        let product = Product()
        product.customerId = try customer.requireID()
        product.model = model
        product.serialNumber = serial
        product.serialNormalized = Product.normalizedSerial(serial)
        product.purchaseDate = input.purchaseDate
        product.purchasedFrom = input.purchasedFrom?.trimmingCharacters(in: .whitespacesAndNewlines)
        product.createdAt = req.now
        try await req.write { db in try await product.create(on: db) }
        return try await ProductDTO(product).encodeResponse(status: .created, for: req)
    }

    // MARK: entitlements

    @Sendable static func entitlements(req: Request) async throws -> EntitlementList {
        let customer = try await customerInScope(req)
        let rows = try await Entitlement.query(on: req.db).filter(\.$customerId == (try customer.requireID())).sort(\.$endsOn).all()
        return EntitlementList(entitlements: try await dtos(rows, on: req.db, now: req.now))
    }

    @Sendable static func addEntitlement(req: Request) async throws -> Response {
        let customer = try await customerInScope(req)
        let user = try req.staff()
        let input = try req.content.decode(EntitlementRequest.self)
        if case .failure(let problem) = Result(catching: { () throws(Coverage.Problem) in try Coverage(start: input.startsOn, end: input.endsOn) }) {
            throw RequestError.invalid(problem.field, problem.description)
        }
        let coverage = (input.coverage ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard coverage.unicodeScalars.count <= 5000 else { throw RequestError.invalid("coverage", "coverage must be at most 5000 characters") }
        let customerId = try customer.requireID()
        let dto = try await req.write { db in
            if let productId = input.productId {
                guard let product = try await Product.find(productId, on: db), product.customerId == customerId else {
                    throw RequestError.invalid("product_id", "the customer has no product with that id")
                }
            }
            let documentIds = Array(Set(input.documentIds ?? []))
            if !documentIds.isEmpty {
                let found = try await CustomerDocument.query(on: db).filter(\.$id ~~ documentIds).filter(\.$customerId == customerId).count()
                guard found == documentIds.count else {
                    throw RequestError.invalid("document_ids", "every document must be one of this customer's documents")
                }
            }
            let entitlement = Entitlement()
            entitlement.customerId = customerId
            entitlement.productId = input.productId
            entitlement.kind = input.kind
            entitlement.startsOn = input.startsOn
            entitlement.endsOn = input.endsOn
            entitlement.coverage = coverage
            entitlement.recordedByName = user.name
            entitlement.createdAt = req.now
            try await entitlement.create(on: db)
            for documentId in documentIds {
                try await EntitlementDocument(entitlementId: try entitlement.requireID(), documentId: documentId).create(on: db)
            }
            return try await dtos([entitlement], on: db, now: req.now)[0]
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// `GET /entitlements/lookup?serial=`: whether a serial number is covered today, and until when.
    @Sendable static func lookup(req: Request) async throws -> CoverageAnswer {
        _ = try req.staff()
        guard let raw = try? req.query.get(String.self, at: "serial"), !Product.normalizedSerial(raw).isEmpty else {
            throw RequestError.invalid("serial", "serial is required")
        }
        let products = try await Product.query(on: req.db).filter(\.$serialNormalized == Product.normalizedSerial(raw)).all()
        let productIds = try products.map { try $0.requireID() }
        guard !productIds.isEmpty else { return CoverageAnswer(covered: false, until: nil, entitlement: nil, product: nil) }
        let rows = try await Entitlement.query(on: req.db).filter(\.$productId ~~ productIds).all()
        let now = req.now
        let active = rows.filter { isActive($0, at: now) }.max { $0.endsOn < $1.endsOn }
        let best = active ?? rows.max { $0.endsOn < $1.endsOn }
        let product = products.first { $0.id == (best?.productId ?? productIds.first) } ?? products[0]
        var entitlement: EntitlementDTO?
        if let best { entitlement = try await dtos([best], on: req.db, now: req.now).first }
        return CoverageAnswer(covered: active != nil, until: active?.endsOn, entitlement: entitlement, product: try ProductDTO(product))
    }

    /// Every ticket shows its customer's active entitlements, products and every document they sent.
    @Sendable static func forTicket(req: Request) async throws -> TicketEntitlements {
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: try req.principal, on: req.db)
        return try await CustomerRecord.onRecord(customerId: ticket.requesterId, on: req.db, now: req.now)
    }

    // MARK: documents

    /// Multipart (`file` part) or the raw body with `?filename=` and its Content-Type.
    @Sendable static func upload(req: Request) async throws -> Response {
        let customer = try await customerInScope(req)
        let principal = try req.principal
        let filename: String
        let contentType: String
        let data: Data
        if req.headers.contentType?.type == "multipart" {
            let upload = try req.content.decode(DocumentUpload.self)
            filename = upload.file.filename
            contentType = upload.file.contentType?.serialize() ?? "application/octet-stream"
            data = Data(buffer: upload.file.data)
        } else {
            guard let name = try? req.query.get(String.self, at: "filename") else {
                throw RequestError.invalid("filename", "send the file as multipart, or the raw body with ?filename=")
            }
            filename = name
            contentType = req.headers.contentType?.serialize() ?? "application/octet-stream"
            data = req.body.data.map { Data(buffer: $0) } ?? Data()
        }
        let document = try await CustomerDocuments(app: req.application).store(
            data, filename: filename, contentType: contentType, for: try customer.requireID(), by: principal.actor, at: req.now)
        return try await DocumentDTO(document).encodeResponse(status: .created, for: req)
    }

    @Sendable static func documents(req: Request) async throws -> DocumentList {
        let customer = try await customerInScope(req)
        let rows = try await CustomerDocument.query(on: req.db).filter(\.$customerId == (try customer.requireID())).sort(\.$createdAt).all()
        return DocumentList(documents: try rows.map(DocumentDTO.init))
    }

    /// Staff, or the customer the document belongs to; anyone else gets 404.
    @Sendable static func download(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let document = try await CustomerDocument.find(try req.id("documentID", of: "document"), on: req.db) else {
            throw RequestError.notFound("document")
        }
        if case .customer(let customer) = principal, customer.id != document.customerId { throw RequestError.notFound("document") }
        return try await CustomerDocuments(app: req.application).download(document)
    }

    // MARK: helpers

    /// The customer of the path: staff reach any; a customer only themselves (others 404).
    static func customerInScope(_ req: Request) async throws -> Customer {
        let id = try req.id("customerID", of: "customer")
        switch try req.principal {
        case .customer(let customer):
            guard customer.id == id else { throw RequestError.notFound("customer") }
            return customer
        case .user:
            guard let customer = try await Customer.find(id, on: req.db) else { throw RequestError.notFound("customer") }
            return customer
        }
    }

    static func isActive(_ entitlement: Entitlement, at now: Date) -> Bool {
        (try? Coverage(start: entitlement.startsOn, end: entitlement.endsOn))?.covers(now) ?? false
    }

    static func dtos(_ entitlements: [Entitlement], on db: any Database, now: Date) async throws -> [EntitlementDTO] {
        let ids = try entitlements.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let links = Dictionary(grouping: try await EntitlementDocument.query(on: db).filter(\.$entitlementId ~~ ids).all(), by: \.entitlementId)
        return try entitlements.map {
            try EntitlementDTO($0, documentIds: (links[try $0.requireID()] ?? []).map(\.documentId), active: isActive($0, at: now))
        }
    }
}
