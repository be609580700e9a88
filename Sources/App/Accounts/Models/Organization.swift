import Fluent
import Foundation

/// A company whose people are customers of the desk.
final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "domain") var domain: String?
    @OptionalField(key: "notes") var notes: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID? = nil, name: String, domain: String? = nil, notes: String? = nil, at: Date) {
        self.id = id
        self.name = name
        self.domain = domain
        self.notes = notes
        self.createdAt = at
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $name, $domain, $notes, $createdAt, $updatedAt] }
}
