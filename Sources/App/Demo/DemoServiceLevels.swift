import Fluent
import FrontlineCore
import Foundation

/// The demo desk's service levels, made before its first ticket so every ticket is on a clock:
/// Berlin office hours, and first-response / resolution targets by priority.
enum DemoServiceLevels {
    static func create(on db: any Database, at now: Date) async throws {
        let office = try BusinessCalendarRecord(
            name: "Berlin office hours",
            calendar: .mondayToFriday(
                [OpeningInterval(startMinute: 8 * 60, endMinute: 18 * 60)], timeZoneIdentifier: "Europe/Berlin",
                holidays: [Holiday(date: "2026-12-25", recursYearly: true, name: "Christmas Day"),
                           Holiday(date: "2026-01-01", recursYearly: true, name: "New Year's Day")]),
            at: now)
        try await office.create(on: db)
        // (name, priority, first response, resolution) in business minutes; the most specific wins.
        let policies: [(String, TicketPriority?, Int, Int)] = [
            ("Urgent: answer within the hour", .urgent, 60, 2 * 10 * 60),
            ("High priority", .high, 4 * 60, 5 * 10 * 60),
            ("Standard", nil, 8 * 60, 10 * 10 * 60),
        ]
        for (position, (name, priority, first, resolution)) in policies.enumerated() {
            let policy = SLAPolicyRecord()
            policy.name = name
            policy.priority = priority?.rawValue
            policy.firstResponseMinutes = first
            policy.resolutionMinutes = resolution
            policy.warningMinutes = 30
            policy.calendarId = office.id
            policy.position = position
            policy.createdAt = now
            policy.updatedAt = now
            try await policy.create(on: db)
        }
    }
}
