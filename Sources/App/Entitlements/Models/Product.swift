import Fluent
import Foundation

/// A product a customer owns, by model and serial number.
final class Product: Model, @unchecked Sendable {
    static let schema = "products"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerId: UUID
    @Field(key: "model") var model: String
    @Field(key: "serial_number") var serialNumber: String
    /// Letters and digits only, upper-cased: what `lookup?serial=` matches, however the serial was typed.
    @Field(key: "serial_normalized") var serialNormalized: String
    /// `yyyy-MM-dd`.
    @OptionalField(key: "purchase_date") var purchaseDate: String?
    @OptionalField(key: "purchased_from") var purchasedFrom: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    static func normalizedSerial(_ serial: String) -> String {
        String(serial.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }).uppercased()
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $customerId, $model, $serialNumber, $serialNormalized, $purchaseDate, $purchasedFrom, $createdAt
        ]
    }
}

/// A warranty or service contract: what is covered, for which product, from when to when.
final class Entitlement: Model, @unchecked Sendable {
    static let schema = "entitlements"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case warranty
        case serviceContract = "service_contract"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerId: UUID
    @OptionalField(key: "product_id") var productId: UUID?
    @Enum(key: "kind") var kind: Kind
    /// `yyyy-MM-dd`, inclusive.
    @Field(key: "starts_on") var startsOn: String
    /// `yyyy-MM-dd`, inclusive.
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "coverage") var coverage: String
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $customerId, $productId, $kind, $startsOn, $endsOn, $coverage, $recordedByName, $createdAt] }
}

/// A proof document the customer sent (receipt, warranty card), stored content-addressed on disk.
/// Attached to the customer, so it is on record for every ticket of theirs.
final class CustomerDocument: Model, @unchecked Sendable {
    static let schema = "customer_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerId: UUID
    @Field(key: "sha256") var sha256: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_by_type") var uploadedByType: String
    @Field(key: "uploaded_by_name") var uploadedByName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// A file already stored in the "documents" blob store, on record for the customer.
    init(customerId: UUID, sha256: String, filename: String, contentType: String, size: Int, uploadedBy actor: Actor, at: Date) {
        self.customerId = customerId
        self.sha256 = sha256
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.uploadedByType = actor.kind.rawValue
        self.uploadedByName = actor.name
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $customerId, $sha256, $filename, $contentType, $size, $uploadedByType, $uploadedByName, $createdAt
        ]
    }
}

/// A document attached to an entitlement as its proof.
final class EntitlementDocument: Model, @unchecked Sendable {
    static let schema = "entitlement_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "entitlement_id") var entitlementId: UUID
    @Field(key: "document_id") var documentId: UUID

    init() {}

    init(entitlementId: UUID, documentId: UUID) {
        self.entitlementId = entitlementId
        self.documentId = documentId
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $entitlementId, $documentId] }
}
