@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Who sees whose people data: the agent themselves, a teammate, the lead of their team, the lead
/// of another team, a manager, an admin and a customer.
@Suite("People privacy")
struct PeoplePrivacyTests {
    enum Who: String, CaseIterable, Sendable {
        case selfAgent, teammate, teamLead, otherLead, manager, admin, customer
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: [Who: HTTPStatus]
        var testDescription: String { name }
    }

    static let personal: [Who: HTTPStatus] = [
        .selfAgent: .ok, .teammate: .forbidden, .teamLead: .ok, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden,
    ]

    static let cases: [Case] = [
        Case(name: "read a duty", expected: personal),
        Case(name: "edit a duty", expected: personal),
        Case(name: "list a person's duties", expected: personal),
        Case(name: "profile", expected: personal),
        Case(name: "learning entry", expected: personal),
        Case(name: "skills", expected: personal),
        Case(name: "emotional load", expected: personal),
        Case(name: "role profile", expected: [.selfAgent: .ok, .teammate: .forbidden, .teamLead: .forbidden, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "coaching session", expected: [.selfAgent: .ok, .teammate: .notFound, .teamLead: .ok, .otherLead: .notFound, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "department health of the team", expected: [.selfAgent: .forbidden, .teammate: .forbidden, .teamLead: .ok, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "team emotional load", expected: [.selfAgent: .forbidden, .teammate: .forbidden, .teamLead: .ok, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "role mix", expected: [.selfAgent: .forbidden, .teammate: .forbidden, .teamLead: .forbidden, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "kudos feed", expected: [.selfAgent: .ok, .teammate: .ok, .teamLead: .ok, .otherLead: .ok, .manager: .ok, .admin: .ok, .customer: .forbidden]),
        Case(name: "policy friction report", expected: [.selfAgent: .forbidden, .teammate: .forbidden, .teamLead: .forbidden, .otherLead: .forbidden, .manager: .ok, .admin: .ok, .customer: .forbidden]),
    ]

    @Test(arguments: cases)
    func eachViewerGetsWhatTheRulesAllow(_ testCase: Case) async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            let duty = try await f.duty(f.ada.token, name: "Answer the queue", cadence: "daily", minutes: 300, category: "customer")
            let session = try await f.coach(f.lea, f.ada.user, on: PeopleFixture.today, minutes: 30)
            let entry = try await desk.send(.POST, "/api/v1/learning-entries", token: f.ada.token,
                                            json: ["about": "product", "text": "E3 clears with a reset."]).decoded(LearningEntryDTO.self)
            let answers = Dictionary(uniqueKeysWithValues: (1...12).map { ("q\($0)", "a") })
            #expect(try await desk.send(.PUT, "/api/v1/users/\(ada)/role-profile", token: f.ada.token, json: ["answers": answers]).status == .ok)

            for who in Who.allCases {
                let token = switch who {
                case .selfAgent: f.ada.token
                case .teammate: f.ben.token
                case .teamLead: f.lea.token
                case .otherLead: f.otherLead.token
                case .manager: f.manager.token
                case .admin: f.admin.token
                case .customer: f.customer.token
                }
                let response = try await send(testCase.name, token: token, desk: desk, f: f, duty: duty.id, session: session.id, entry: entry.id)
                #expect(response.status == testCase.expected[who], "\(testCase.name) as \(who.rawValue): \(response.body.string)")
                if response.status.code >= 400 { #expect(response.apiError != nil) }
            }
        }
    }

    private func send(
        _ name: String, token: String, desk: TestDesk, f: PeopleFixture, duty: UUID, session: UUID, entry: UUID
    ) async throws -> TestingHTTPResponse {
        let ada = try f.ada.user.requireID()
        switch name {
        case "read a duty": return try await desk.send(.GET, "/api/v1/duties/\(duty)", token: token)
        case "edit a duty": return try await desk.send(.PATCH, "/api/v1/duties/\(duty)", token: token, json: ["minutes": 290])
        case "list a person's duties": return try await desk.send(.GET, "/api/v1/duties?user_id=\(ada)", token: token)
        case "profile": return try await desk.send(.GET, "/api/v1/users/\(ada)/profile", token: token)
        case "learning entry": return try await desk.send(.GET, "/api/v1/learning-entries/\(entry)", token: token)
        case "skills": return try await desk.send(.GET, "/api/v1/users/\(ada)/skills", token: token)
        case "emotional load": return try await desk.send(.GET, "/api/v1/users/\(ada)/emotional-load", token: token)
        case "role profile": return try await desk.send(.GET, "/api/v1/users/\(ada)/role-profile", token: token)
        case "coaching session": return try await desk.send(.GET, "/api/v1/coaching-sessions/\(session)", token: token)
        case "department health of the team": return try await desk.send(.GET, "/api/v1/reports/department-health?team_id=\(f.frontLine)", token: token)
        case "team emotional load": return try await desk.send(.GET, "/api/v1/reports/emotional-load?team_id=\(f.frontLine)", token: token)
        case "role mix": return try await desk.send(.GET, "/api/v1/teams/\(f.frontLine)/role-mix", token: token)
        case "kudos feed": return try await desk.send(.GET, "/api/v1/kudos", token: token)
        default: return try await desk.send(.GET, "/api/v1/reports/policy-friction", token: token)
        }
    }

    /// Coaching notes are private to coach, agent and managers: a lead sees only the sessions they ran.
    @Test func profilesShowOnlyCoachingTheViewerMaySee() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let ada = try f.ada.user.requireID()
            try await f.coach(f.lea, f.ada.user, on: PeopleFixture.today, minutes: 30, notes: "Lea's notes")
            try await f.coach(f.manager, f.ada.user, on: PeopleFixture.today, minutes: 45, notes: "Mia's notes")
            func coaching(_ token: String) async throws -> [String?] {
                try await desk.send(.GET, "/api/v1/users/\(ada)/profile", token: token)
                    .decoded(ProfileController.ProfileDTO.self).coachingReceived.map(\.notes).sorted { ($0 ?? "") < ($1 ?? "") }
            }
            #expect(try await coaching(f.ada.token) == ["Lea's notes", "Mia's notes"])
            #expect(try await coaching(f.lea.token) == ["Lea's notes"])
            #expect(try await coaching(f.manager.token) == ["Lea's notes", "Mia's notes"])
            #expect(try await coaching(f.admin.token) == ["Lea's notes", "Mia's notes"])

            let listed = try await desk.send(.GET, "/api/v1/coaching-sessions?agent_id=\(ada)", token: f.lea.token)
                .decoded(CoachingController.SessionList.self)
            #expect(listed.sessions.map(\.notes) == ["Lea's notes"])
            let asTeammate = try await desk.send(.GET, "/api/v1/coaching-sessions?agent_id=\(ada)", token: f.ben.token)
                .decoded(CoachingController.SessionList.self)
            #expect(asTeammate.sessions.isEmpty)
        }
    }

    /// A lead's default scope is the teams they lead; the department is for managers.
    @Test func reportScopes() async throws {
        try await TestDesk.run { desk in
            let f = try await PeopleFixture.make(desk)
            let lead = try await desk.send(.GET, "/api/v1/reports/department-health", token: f.lea.token).decoded(DepartmentHealthDTO.self)
            #expect(lead.people.map(\.name) == ["Ada Agent", "Ben Agent", "Lea Lead"])
            let manager = try await desk.send(.GET, "/api/v1/reports/department-health", token: f.manager.token).decoded(DepartmentHealthDTO.self)
            #expect(manager.people.count == 7)
            // An agent logs only their own duties, a lead their team's.
            let forBen = try await desk.send(.POST, "/api/v1/duties", token: f.ada.token, json: [
                "user_id": JSON.string(try f.ben.user.requireID().uuidString), "name": .string("x"), "cadence": .string("daily"), "minutes": .number(10), "category": .string("office"),
            ])
            #expect(forBen.status == .forbidden)
            #expect(try await f.duty(f.lea.token, for: f.ben.user, name: "Reports", cadence: "weekly", minutes: 30, category: "office").userId == f.ben.user.id)
            let otherTeam = try await desk.send(.POST, "/api/v1/duties", token: f.otherLead.token, json: [
                "user_id": JSON.string(try f.ben.user.requireID().uuidString), "name": .string("x"), "cadence": .string("daily"), "minutes": .number(10), "category": .string("office"),
            ])
            #expect(otherTeam.status == .forbidden)
        }
    }
}
