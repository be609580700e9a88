import Fluent
import Foundation

/// One desk-wide setting, a key and its text value, in the `settings` table. Features keep their
/// keys apart by name (`desk_name`, `department_health.…`).
final class DeskSetting: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(key: String, value: String, at: Date) {
        self.id = key
        self.value = value
        self.updatedAt = at
    }

    /// Stores `value` under `key`, replacing what was there.
    static func set(_ key: String, to value: String, on db: any Database, at now: Date) async throws {
        if let row = try await find(key, on: db) {
            row.value = value
            row.updatedAt = now
            try await row.save(on: db)
        } else {
            try await DeskSetting(key: key, value: value, at: now).create(on: db)
        }
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $value, $updatedAt] }
}
