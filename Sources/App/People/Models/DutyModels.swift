import Fluent
import FrontlineCore
import Foundation

/// A duty someone logged: a recurring task with its cadence and minutes, customer work or not,
/// and who asked for it (their own team, or another department that handed it over).
final class LoggedDuty: Model, @unchecked Sendable {
    static let schema = "duties"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "name") var name: String
    @Enum(key: "cadence") var cadence: DutyCadence
    @Field(key: "minutes") var minutes: Int
    @Enum(key: "category") var category: DutyCategory
    /// Nil for the person's own team; otherwise the department that asked, e.g. "Sales".
    @OptionalField(key: "requested_by") var requestedBy: String?
    /// The day the duty began; it counts in every period from then on.
    @Field(key: "started_on") var startedOn: String
    /// The last day the duty was done, when it has stopped.
    @OptionalField(key: "ended_on") var endedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(userId: UUID, name: String, cadence: DutyCadence, minutes: Int, category: DutyCategory,
         requestedBy: String?, startedOn: String, at: Date) {
        self.userId = userId
        self.name = name
        self.cadence = cadence
        self.minutes = minutes
        self.category = category
        self.requestedBy = requestedBy
        self.startedOn = startedOn
        self.createdAt = at
        self.updatedAt = at
    }

    /// Whether the duty was being done at some point of the period.
    func isActive(in period: ReportPeriod) -> Bool {
        startedOn <= period.to && (endedOn.map { $0 >= period.from } ?? true)
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $userId, $name, $cadence, $minutes, $category, $requestedBy, $startedOn, $endedOn, $createdAt, $updatedAt
        ]
    }
}

/// One time an ad-hoc duty happened, with its own minutes when they differ from the duty's.
final class DutyOccurrence: Model, @unchecked Sendable {
    static let schema = "duty_occurrences"

    @ID(key: .id) var id: UUID?
    @Field(key: "duty_id") var dutyId: UUID
    @Field(key: "on") var on: String
    @OptionalField(key: "minutes") var minutes: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(dutyId: UUID, on: String, minutes: Int?, at: Date) {
        self.dutyId = dutyId
        self.on = on
        self.minutes = minutes
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $dutyId, $on, $minutes, $createdAt] }
}
