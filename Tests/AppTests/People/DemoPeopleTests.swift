@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The demo desk tells the story of seed 002: Front Line and Billing drift into office work that
/// Sales and Finance handed over; Technical Support stays a service team.
@Suite("Demo people data")
struct DemoPeopleTests {
    @Test func demoShowsDriftingTeamsAndTheirCauses() async throws {
        try await TestDesk.run { desk in
            desk.app.clock = .starting(at: DemoClock.midMonth)
            _ = try await DemoDesk(app: desk.app, now: desk.app.clock.now(), ticketCount: 200).load()
            let manager = try await desk.app.write { db in
                try await User.query(on: db).filter(\.$role == .manager).first()!
            }
            let token = try await desk.app.write { db in
                let (token, hash) = APIToken.generate()
                try await APIToken(tokenHash: hash, label: "test", userId: manager.id, customerId: nil, at: Date()).create(on: db)
                return token
            }
            let teams = try await desk.send(.GET, "/api/v1/teams", token: token).decoded(TeamsController.TeamList.self).teams
            var verdicts: [String: HealthVerdict?] = [:]
            for team in teams {
                let report = try await desk.send(.GET, "/api/v1/reports/department-health?team_id=\(team.id)", token: token)
                    .decoded(DepartmentHealthDTO.self)
                verdicts[team.name] = report.total.verdict
            }
            #expect(verdicts["Front Line"] == .drifting)
            #expect(verdicts["Billing & Returns"] == .drifting)
            #expect(verdicts["Technical Support"] == .service)
            let department = try await desk.send(.GET, "/api/v1/reports/department-health", token: token).decoded(DepartmentHealthDTO.self)
            #expect(Array(department.handedOver.map(\.department).prefix(2)) == ["Sales", "Finance"])
            #expect(department.coaching.contains { $0.sessions > 0 })
            let alumni = try await desk.send(.GET, "/api/v1/career-moves/alumni", token: token).decoded(CareerMovesController.MoveList.self)
            #expect(alumni.moves.compactMap(\.department).sorted() == ["Product management", "Quality engineering"])
            let highlights = try await desk.send(.GET, "/api/v1/kudos/highlights", token: token).decoded(KudosHighlightsController.Highlights.self)
            #expect(highlights.total > 0)
        }
    }
}
