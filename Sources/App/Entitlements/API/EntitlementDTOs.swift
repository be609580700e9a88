import Vapor

/// A product as the API shows it.
struct ProductDTO: Content {
    let id: UUID
    let customerId: UUID
    let model: String
    let serialNumber: String
    let purchaseDate: String?
    let purchasedFrom: String?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, model
        case customerId = "customer_id", serialNumber = "serial_number", purchaseDate = "purchase_date"
        case purchasedFrom = "purchased_from", createdAt = "created_at"
    }

    init(_ product: Product) throws {
        id = try product.requireID()
        customerId = product.customerId
        model = product.model
        serialNumber = product.serialNumber
        purchaseDate = product.purchaseDate
        purchasedFrom = product.purchasedFrom
        createdAt = product.createdAt
    }
}

/// A proof document as the API lists it; the content is at `GET /documents/{id}`.
struct DocumentDTO: Content {
    let id: UUID
    let customerId: UUID
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String
    let uploadedBy: ActorDTO
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, filename, size, sha256
        case customerId = "customer_id", contentType = "content_type", uploadedBy = "uploaded_by", createdAt = "created_at"
    }

    init(_ document: CustomerDocument) throws {
        id = try document.requireID()
        customerId = document.customerId
        filename = document.filename
        contentType = document.contentType
        size = document.size
        sha256 = document.sha256
        uploadedBy = ActorDTO(type: document.uploadedByType, id: nil, name: document.uploadedByName)
        createdAt = document.createdAt
    }
}

/// A warranty or service contract with its proof documents.
struct EntitlementDTO: Content {
    let id: UUID
    let customerId: UUID
    let productId: UUID?
    let kind: Entitlement.Kind
    let startsOn: String
    let endsOn: String
    let coverage: String
    let active: Bool
    let documentIds: [UUID]
    let recordedBy: String
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, coverage, active
        case customerId = "customer_id", productId = "product_id", startsOn = "starts_on", endsOn = "ends_on"
        case documentIds = "document_ids", recordedBy = "recorded_by", createdAt = "created_at"
    }

    init(_ entitlement: Entitlement, documentIds: [UUID], active: Bool) throws {
        id = try entitlement.requireID()
        customerId = entitlement.customerId
        productId = entitlement.productId
        kind = entitlement.kind
        startsOn = entitlement.startsOn
        endsOn = entitlement.endsOn
        coverage = entitlement.coverage
        self.active = active
        self.documentIds = documentIds.sorted { $0.uuidString < $1.uuidString }
        recordedBy = entitlement.recordedByName
        createdAt = entitlement.createdAt
    }
}

struct ProductList: Content { let products: [ProductDTO] }
struct DocumentList: Content { let documents: [DocumentDTO] }
struct EntitlementList: Content { let entitlements: [EntitlementDTO] }

/// `GET /tickets/{id}/entitlements`: what the ticket's customer has on record.
struct TicketEntitlements: Content {
    let customerId: UUID
    let active: [EntitlementDTO]
    let products: [ProductDTO]
    let documents: [DocumentDTO]

    enum CodingKeys: String, CodingKey {
        case active, products, documents
        case customerId = "customer_id"
    }
}

/// `GET /entitlements/lookup?serial=`.
struct CoverageAnswer: Content {
    let covered: Bool
    let until: String?
    let entitlement: EntitlementDTO?
    let product: ProductDTO?
}

struct ProductRequest: Content {
    let model: String
    let serialNumber: String
    let purchaseDate: String?
    let purchasedFrom: String?

    enum CodingKeys: String, CodingKey {
        case model
        case serialNumber = "serial_number", purchaseDate = "purchase_date", purchasedFrom = "purchased_from"
    }
}

struct EntitlementRequest: Content {
    let kind: Entitlement.Kind
    let productId: UUID?
    let startsOn: String
    let endsOn: String
    let coverage: String?
    let documentIds: [UUID]?

    enum CodingKeys: String, CodingKey {
        case kind, coverage
        case productId = "product_id", startsOn = "starts_on", endsOn = "ends_on", documentIds = "document_ids"
    }
}

/// A multipart upload's one file part.
struct DocumentUpload: Content {
    let file: File
}
