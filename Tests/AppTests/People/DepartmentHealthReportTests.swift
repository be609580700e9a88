@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The department-health report on a prepared data set: exact minutes, shares, verdicts,
/// handed-over work, coaching and trend, in JSON and CSV.
@Suite("Department health report")
struct DepartmentHealthReportTests {
    /// Ada: customer daily 276 (1380/wk) + ticket work 80 min in 4 weeks (20/wk) = 1400;
    /// office weekly 240 for Sales + monthly 260 (60/wk) + ad hoc 50+50+100 for Operations (50/wk) = 350;
    /// development weekly 60. Ben: customer daily 120 (600), office daily 120 for Finance (600).
    /// Lea: customer daily 60 (300), coaching daily 30 (150), office weekly 400 for General management.
    func prepare(_ f: PeopleFixture) async throws {
        let before = Days.adding(-28, to: PeopleFixture.periodStart)
        try await f.duty(f.ada.token, name: "Answer the queue", cadence: "daily", minutes: 276, category: "customer", startedOn: before)
        try await f.duty(f.ada.token, name: "CRM entry", cadence: "weekly", minutes: 240, category: "office", requestedBy: "Sales")
        try await f.duty(f.ada.token, name: "Month-end figures", cadence: "monthly", minutes: 260, category: "office", requestedBy: "own_team")
        try await f.duty(f.ada.token, name: "Product training", cadence: "weekly", minutes: 60, category: "development")
        let uniforms = try await f.duty(f.ada.token, name: "Order uniforms", cadence: "ad_hoc", minutes: 50, category: "office", requestedBy: "Operations")
        for (offset, minutes) in [(1, nil), (5, nil), (9, 100), (-3, nil)] as [(Int, Int?)] {
            var body: [String: JSON] = ["on": .string(Days.adding(offset, to: PeopleFixture.periodStart))]
            if let minutes { body["minutes"] = .number(Double(minutes)) }
            let response = try await f.desk.send(.POST, "/api/v1/duties/\(uniforms.id)/occurrences", token: f.ada.token, json: body)
            #expect(response.status == .created, "\(response.body.string)")
        }
        try await f.duty(f.ben.token, name: "Answer the queue", cadence: "daily", minutes: 120, category: "customer")
        try await f.duty(f.ben.token, name: "Chase unpaid invoices", cadence: "daily", minutes: 120, category: "office", requestedBy: "Finance")
        try await f.duty(f.lea.token, name: "Escalations", cadence: "daily", minutes: 60, category: "customer")
        try await f.duty(f.lea.token, name: "Coaching on live tickets", cadence: "daily", minutes: 30, category: "coaching")
        try await f.duty(f.lea.token, name: "KPI deck", cadence: "weekly", minutes: 400, category: "office", requestedBy: "General management")

        // Ticket work, with 20 minutes per reply and 10 per note: 3 replies + 2 notes = 80 minutes.
        let patched = try await f.desk.send(.PATCH, "/api/v1/settings/department-health", token: f.admin.token,
                                            json: ["minutes_per_reply": 20, "minutes_per_note": 10])
        #expect(patched.status == .ok, "\(patched.body.string)")
        let ticket = try await f.desk.createTicket(token: f.ada.token)
        for visibility in ["public", "public", "public", "internal", "internal"] {
            let reply = try await f.desk.send(.POST, "/api/v1/tickets/\(ticket.id)/messages", token: f.ada.token,
                                              json: ["body": "Working on it.", "visibility": visibility])
            #expect(reply.status == .created)
        }
        // Lea coaches Ada 30 + 30 + 60 minutes in the period, and once before it.
        for (offset, minutes) in [(1, 30), (2, 30), (3, 60), (-2, 45)] {
            try await f.coach(f.lea, f.ada.user, on: Days.adding(offset, to: PeopleFixture.periodStart), minutes: minutes)
        }
    }

    @Test func figuresAreExact() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            try await prepare(f)
            let response = try await desk.send(.GET, "/api/v1/reports/department-health?team_id=\(f.frontLine)", token: f.lea.token)
            #expect(response.status == .ok, "\(response.body.string)")
            let report = try response.decoded(DepartmentHealthDTO.self)
            #expect(report.from == PeopleFixture.periodStart)
            #expect(report.to == PeopleFixture.today)
            #expect(report.days == 28)
            #expect(report.weeks == 4)
            #expect(report.people.map(\.name) == ["Ada Agent", "Ben Agent", "Lea Lead"])

            let ada = report.people[0]
            #expect(ada.customerMinutes == 1400)
            #expect(ada.ticketMinutes == 20)
            #expect(ada.officeMinutes == 350)
            #expect(ada.developmentMinutes == 60)
            #expect(ada.coachingMinutes == 0)
            #expect(ada.totalMinutes == 1810)
            #expect(ada.customerShare == 0.7735)  // 1400 / 1810
            #expect(ada.serviceShare == 0.8)  // 1400 / 1750
            #expect(ada.verdict == .service)

            let ben = report.people[1]
            #expect(ben.customerMinutes == 600)
            #expect(ben.officeMinutes == 600)
            #expect(ben.serviceShare == 0.5)
            #expect(ben.verdict == .drifting)  // 50 % exactly is still drifting

            let lea = report.people[2]
            #expect(lea.customerMinutes == 300)
            #expect(lea.coachingMinutes == 150)
            #expect(lea.officeMinutes == 400)
            #expect(lea.customerShare == 0.3529)  // 300 / 850
            #expect(lea.serviceShare == 0.4286)  // 300 / 700
            #expect(lea.verdict == .officeManagement)

            #expect(report.total.customerMinutes == 2300)
            #expect(report.total.officeMinutes == 1350)
            #expect(report.total.coachingMinutes == 150)
            #expect(report.total.totalMinutes == 3860)
            #expect(report.total.customerShare == 0.5959)  // 2300 / 3860
            #expect(report.total.serviceShare == 0.6301)  // 2300 / 3650
            #expect(report.total.verdict == .drifting)

            #expect(report.handedOver.map(\.department) == ["Finance", "General management", "Sales", "Operations"])
            #expect(report.handedOver.map(\.minutesPerWeek) == [600, 400, 240, 50])

            let coach = try #require(report.coaching.first)
            #expect(report.coaching.count == 1)
            #expect(coach.name == "Lea Lead")
            #expect(coach.sessions == 3)
            #expect(coach.totalMinutes == 120)
            #expect(coach.workingDays == 20)
            #expect(coach.minutesPerWorkingDay == 6)
            #expect(coach.minutesPerWeek == 30)
            #expect(coach.meetsTarget == false)
            #expect(coach.shortfallPerDay == 24)

            // The previous period had only Ada's queue duty (the others started with this period).
            #expect(report.trend.count == 4)
            #expect(report.trend.map(\.customerMinutes) == [0, 0, 0, 1380])
            #expect(report.trend.map(\.officeMinutes) == [0, 0, 0, 0])
            #expect(report.trend.map(\.verdict) == [nil, nil, nil, .service])
            #expect(report.trend[3].to == Days.adding(-1, to: PeopleFixture.periodStart))
        }
    }

    @Test func thresholdsComeFromSettings() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            try await prepare(f)
            let patched = try await desk.send(.PATCH, "/api/v1/settings/department-health", token: f.admin.token,
                                              json: ["service_threshold": 0.85, "drifting_threshold": 0.55])
            #expect(patched.status == .ok)
            let report = try await desk.send(.GET, "/api/v1/reports/department-health?team_id=\(f.frontLine)", token: f.manager.token)
                .decoded(DepartmentHealthDTO.self)
            #expect(report.people.map(\.verdict) == [.drifting, .officeManagement, .officeManagement])
            #expect(report.total.verdict == .drifting)
        }
    }

    @Test func csvExport() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            try await prepare(f)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: f.manager.token)
            headers.replaceOrAdd(name: .accept, value: "text/csv")
            let response = try await desk.app.testing().sendRequest(.GET, "/api/v1/reports/department-health?team_id=\(f.frontLine)", headers: headers)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "csv")
            let lines = response.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 5)
            #expect(lines[0] == "user_id,name,customer_minutes,office_minutes,coaching_minutes,development_minutes,other_minutes,total_minutes,ticket_minutes,customer_share,service_share,verdict")
            #expect(lines[4] == ",Total,2300,1350,150,60,0,3860,20,0.5959,0.6301,drifting")
            let byQuery = try await desk.send(.GET, "/api/v1/reports/department-health?team_id=\(f.frontLine)&format=csv", token: f.manager.token)
            #expect(byQuery.body.string == response.body.string)
        }
    }

    @Test func coachingReports() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            try await prepare(f)
            let report = try await desk.send(.GET, "/api/v1/reports/coaching?team_id=\(f.frontLine)", token: f.lea.token)
                .decoded(HealthReportsController.CoachingReport.self)
            #expect(report.targetMinutesPerDay == 30)
            #expect(report.coaches.map(\.totalMinutes) == [120])
            // Ben has never been coached; Ada was coached within the last 4 weeks.
            let uncoached = try await desk.send(.GET, "/api/v1/reports/coaching/uncoached?weeks=4&team_id=\(f.frontLine)", token: f.lea.token)
                .decoded(CoachingQueueController.UncoachedReport.self)
            #expect(uncoached.people.map(\.name) == ["Ben Agent"])
            #expect(uncoached.people[0].lastCoachedOn == nil)
        }
    }
}
