import FrontlineCore
import Vapor

/// The department-health report. Every `*_minutes` figure is minutes per week, averaged over the period.
struct DepartmentHealthDTO: Content {
    /// One person's split, or the total.
    struct Split: Content {
        let userId: UUID?
        let name: String
        let customerMinutes: Double
        let officeMinutes: Double
        let coachingMinutes: Double
        let developmentMinutes: Double
        let otherMinutes: Double
        let totalMinutes: Double
        /// Of the customer minutes, those from ticket work.
        let ticketMinutes: Double
        /// Customer ÷ all minutes.
        let customerShare: Double?
        /// Customer ÷ (customer + office + other): what the verdict is judged on.
        let serviceShare: Double?
        let verdict: HealthVerdict?

        enum CodingKeys: String, CodingKey {
            case name, verdict
            case userId = "user_id", customerMinutes = "customer_minutes", officeMinutes = "office_minutes"
            case coachingMinutes = "coaching_minutes", developmentMinutes = "development_minutes"
            case otherMinutes = "other_minutes", totalMinutes = "total_minutes", ticketMinutes = "ticket_minutes"
            case customerShare = "customer_share", serviceShare = "service_share"
        }

        init(userId: UUID?, name: String, split: TimeSplit, ticketMinutesPerWeek: Double, thresholds: HealthThresholds) {
            self.userId = userId
            self.name = name
            customerMinutes = Rounded.minutes(split.customer)
            officeMinutes = Rounded.minutes(split.office)
            coachingMinutes = Rounded.minutes(split.coaching)
            developmentMinutes = Rounded.minutes(split.development)
            otherMinutes = Rounded.minutes(split.other)
            totalMinutes = Rounded.minutes(split.total)
            ticketMinutes = Rounded.minutes(ticketMinutesPerWeek)
            customerShare = Rounded.share(split.customerShare)
            serviceShare = Rounded.share(split.serviceShare)
            verdict = split.verdict(thresholds: thresholds)
        }
    }

    /// An office duty another department handed over.
    struct HandedOverDuty: Content {
        let dutyId: UUID
        let userId: UUID
        let name: String
        let minutesPerWeek: Double

        enum CodingKeys: String, CodingKey {
            case name
            case dutyId = "duty_id", userId = "user_id", minutesPerWeek = "minutes_per_week"
        }
    }

    /// The office work one department handed over.
    struct HandedOver: Content {
        let department: String
        let minutesPerWeek: Double
        let duties: [HandedOverDuty]

        enum CodingKeys: String, CodingKey {
            case department, duties
            case minutesPerWeek = "minutes_per_week"
        }
    }

    /// The department's figures for one earlier period.
    struct TrendPoint: Content {
        let from: String
        let to: String
        let customerMinutes: Double
        let officeMinutes: Double
        let coachingMinutes: Double
        let customerShare: Double?
        let serviceShare: Double?
        let verdict: HealthVerdict?

        enum CodingKeys: String, CodingKey {
            case from, to, verdict
            case customerMinutes = "customer_minutes", officeMinutes = "office_minutes", coachingMinutes = "coaching_minutes"
            case customerShare = "customer_share", serviceShare = "service_share"
        }

        init(from: String, to: String, split: TimeSplit, thresholds: HealthThresholds) {
            self.from = from
            self.to = to
            customerMinutes = Rounded.minutes(split.customer)
            officeMinutes = Rounded.minutes(split.office)
            coachingMinutes = Rounded.minutes(split.coaching)
            customerShare = Rounded.share(split.customerShare)
            serviceShare = Rounded.share(split.serviceShare)
            verdict = split.verdict(thresholds: thresholds)
        }
    }

    let from: String
    let to: String
    let days: Int
    let weeks: Double
    let teamId: UUID?
    let settings: DepartmentHealthSettings
    let people: [Split]
    let total: Split
    let handedOver: [HandedOver]
    let coaching: [CoachingFigures.Figure]
    /// The four periods of equal length before this one, oldest first.
    let trend: [TrendPoint]

    enum CodingKeys: String, CodingKey {
        case from, to, days, weeks, settings, people, total, coaching, trend
        case teamId = "team_id", handedOver = "handed_over"
    }

    /// The people and the total as CSV rows, with a header.
    var csvRows: [[String]] {
        var rows = [["user_id", "name", "customer_minutes", "office_minutes", "coaching_minutes", "development_minutes",
                     "other_minutes", "total_minutes", "ticket_minutes", "customer_share", "service_share", "verdict"]]
        for split in people + [total] {
            rows.append([
                split.userId?.uuidString ?? "", split.name, CSV.number(split.customerMinutes), CSV.number(split.officeMinutes),
                CSV.number(split.coachingMinutes), CSV.number(split.developmentMinutes), CSV.number(split.otherMinutes),
                CSV.number(split.totalMinutes), CSV.number(split.ticketMinutes), CSV.number(split.customerShare),
                CSV.number(split.serviceShare), split.verdict?.rawValue ?? "",
            ])
        }
        return rows
    }
}

/// `/api/v1/reports/department-health` and `/api/v1/reports/coaching`: for leads (their teams),
/// managers and admins.
enum HealthReportsController {
    @Sendable static func departmentHealth(req: Request) async throws -> Response {
        let viewer = try req.staff(atLeast: .lead)
        let period = try ReportPeriod.resolve(req)
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        let settings = try await DepartmentHealthSettings.load(on: req.db)
        let report = try await DepartmentHealthReport(scope: scope, period: period, settings: settings, db: req.db).build()
        if CSV.wanted(req) {
            return CSV.response(report.csvRows, filename: "department-health-\(period.from)-\(period.to).csv")
        }
        return try await report.encodeResponse(for: req)
    }

    typealias CoachingReport = App.CoachingReport

    @Sendable static func coaching(req: Request) async throws -> CoachingReport {
        let viewer = try req.staff(atLeast: .lead)
        let period = try ReportPeriod.resolve(req)
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        return try await CoachingReport.build(scope: scope, period: period, viewer: viewer, today: Days.day(of: req.now), on: req.db)
    }
}
