@testable import App
import Foundation
import FrontlineCore

/// The department-health report of a team drifting into office work: three people, office work
/// handed over by two departments, one coach on target and one short, and a trend.
enum HealthPageFixture {
    typealias F = SnapshotFixtures

    static var page: HealthPage {
        func split(_ user: UUID?, _ name: String, _ customer: Double, _ office: Double, _ coaching: Double, _ share: Double?, _ verdict: String?) -> String {
            let total = customer + office + coaching + 30
            return """
                {"user_id": \(user.map { "\"\($0)\"" } ?? "null"), "name": "\(name)", "customer_minutes": \(customer),
                 "office_minutes": \(office), "coaching_minutes": \(coaching), "development_minutes": 20, "other_minutes": 10,
                 "total_minutes": \(total), "ticket_minutes": \(customer * 0.8), "customer_share": \(share.map { "\($0)" } ?? "null"),
                 "service_share": \(share.map { "\($0 + 0.02)" } ?? "null"), "verdict": \(verdict.map { "\"\($0)\"" } ?? "null")}
                """
        }
        let report = F.decoded(DepartmentHealthDTO.self, """
            {"from": "2026-02-02", "to": "2026-03-01", "days": 28, "weeks": 4, "team_id": "\(F.hardware)",
             "settings": {"service_threshold": 0.6, "drifting_threshold": 0.4, "minutes_per_reply": 6, "minutes_per_note": 2,
                          "coaching_target_minutes_per_day": 30, "cost_per_minute": 1},
             "people": [\(split(F.ana, "Ana Costa", 1200, 600, 240, 0.58, "drifting")),
                        \(split(F.ben, "Ben Okafor", 1800, 300, 0, 0.82, "service")),
                        \(split(F.dev, "Dev Patel", 0, 0, 0, nil, nil))],
             "total": \(split(nil, "Everyone", 3000, 900, 240, 0.7, "service")),
             "handed_over": [
               {"department": "Finance", "minutes_per_week": 240,
                "duties": [{"duty_id": "\(F.id(91))", "user_id": "\(F.ana)", "name": "Monthly refund report", "minutes_per_week": 240}]},
               {"department": "Sales", "minutes_per_week": 95,
                "duties": [{"duty_id": "\(F.id(92))", "user_id": "\(F.ben)", "name": "Lead list <clean-up>", "minutes_per_week": 95}]}],
             "coaching": [
               {"coach_id": "\(F.ana)", "name": "Ana Costa", "sessions": 6, "total_minutes": 960, "working_days": 20,
                "minutes_per_working_day": 48, "minutes_per_week": 240, "target_minutes_per_day": 30, "meets_target": true},
               {"coach_id": "\(F.chloe)", "name": "Chloé Martin", "sessions": 1, "total_minutes": 45, "working_days": 20,
                "minutes_per_working_day": 2.25, "minutes_per_week": 11.25, "target_minutes_per_day": 30, "meets_target": false,
                "shortfall_per_day": 27.75}],
             "trend": [
               {"from": "2026-01-05", "to": "2026-02-01", "customer_minutes": 3300, "office_minutes": 700, "coaching_minutes": 200,
                "customer_share": 0.75, "service_share": 0.77, "verdict": "service"},
               {"from": "2025-12-08", "to": "2026-01-04", "customer_minutes": 2100, "office_minutes": 1500, "coaching_minutes": 60,
                "customer_share": 0.55, "service_share": 0.57, "verdict": "drifting"}]}
            """)
        return HealthPage(
            frame: F.frame(active: "people-health"), report: report,
            teams: [.init(id: F.billing, name: "Billing"), .init(id: F.hardware, name: "Hardware")],
            names: [F.ana: "Ana Costa", F.ben: "Ben Okafor"])
    }
}
