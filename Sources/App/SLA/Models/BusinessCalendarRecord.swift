import Fluent
import FrontlineCore
import Foundation

/// A stored business calendar: FrontlineCore's `BusinessCalendar` as JSON, with a name.
final class BusinessCalendarRecord: Model, @unchecked Sendable {
    static let schema = "business_calendars"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The `BusinessCalendar` as JSON: time zone, weekly hours, holidays.
    @Field(key: "definition") var definition: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(name: String, calendar: BusinessCalendar, at: Date) throws {
        self.name = name
        self.definition = try Self.encode(calendar)
        self.createdAt = at
        self.updatedAt = at
    }

    var calendar: BusinessCalendar {
        (try? JSONDecoder().decode(BusinessCalendar.self, from: Data(definition.utf8))) ?? .always
    }

    static func encode(_ calendar: BusinessCalendar) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(calendar), as: UTF8.self)
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $name, $definition, $createdAt, $updatedAt] }
}
