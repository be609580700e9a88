import Fluent
import Foundation
import FrontlineCore

/// A person the desk serves. Found by email, which is unique without regard to case.
final class Customer: Model, @unchecked Sendable {
    static let schema = "customers"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    /// The lowercased email: the unique key customers are found by.
    @Field(key: "email_normalized") var emailNormalized: String
    @Field(key: "name") var name: String
    @OptionalField(key: "phone") var phone: String?
    /// `phone` as `PhoneNumber.normalized`: how calls find the customer.
    @OptionalField(key: "phone_normalized") var phoneNormalized: String?
    @OptionalField(key: "organization_id") var organizationId: UUID?
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID? = nil, email: String, name: String, phone: String? = nil, organizationId: UUID? = nil, at: Date) {
        self.id = id
        self.email = email
        self.emailNormalized = EmailAddress.normalized(email)
        self.name = name
        self.phone = phone
        self.phoneNormalized = phone.flatMap(PhoneNumber.normalized)
        self.organizationId = organizationId
        self.createdAt = at
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $email, $emailNormalized, $name, $phone, $phoneNormalized, $organizationId, $passwordHash, $createdAt, $updatedAt
        ]
    }
}
