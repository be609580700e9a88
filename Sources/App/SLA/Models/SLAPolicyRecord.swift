import Fluent
import FrontlineCore
import Foundation

/// A stored SLA policy: which tickets it applies to, its targets in business minutes of a calendar.
final class SLAPolicyRecord: Model, @unchecked Sendable {
    static let schema = "sla_policies"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "priority") var priority: String?
    @OptionalField(key: "organization_id") var organizationId: UUID?
    @OptionalField(key: "tag") var tag: String?
    @OptionalField(key: "first_response_minutes") var firstResponseMinutes: Int?
    @OptionalField(key: "next_response_minutes") var nextResponseMinutes: Int?
    @OptionalField(key: "resolution_minutes") var resolutionMinutes: Int?
    /// Business minutes before the due time at which an `sla_warning` is recorded.
    @Field(key: "warning_minutes") var warningMinutes: Int
    /// Nil: around the clock.
    @OptionalField(key: "calendar_id") var calendarId: UUID?
    /// Order among equally specific policies: lower wins.
    @Field(key: "position") var position: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// The policy's target for one clock, nil when it does not measure that target.
    func minutes(for target: SLATarget) -> Int? {
        switch target {
        case .firstResponse: firstResponseMinutes
        case .nextResponse: nextResponseMinutes
        case .resolution: resolutionMinutes
        }
    }

    /// The policy as FrontlineCore selects it; the name carries the id back.
    var rule: SLAPolicy {
        var targets: [SLATarget: Int] = [:]
        targets[.firstResponse] = firstResponseMinutes
        targets[.nextResponse] = nextResponseMinutes
        targets[.resolution] = resolutionMinutes
        return SLAPolicy(
            name: id?.uuidString ?? "", priority: priority, organizationID: organizationId?.uuidString, tag: tag,
            targetMinutes: targets)
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $name, $priority, $organizationId, $tag, $firstResponseMinutes, $nextResponseMinutes, $resolutionMinutes, $warningMinutes,
            $calendarId, $position, $createdAt, $updatedAt
        ]
    }
}
