@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// A small department for the people tests: team "Front Line" with two agents and their lead,
/// team "Billing" with its own lead and agent, a manager, an admin and a customer.
struct PeopleFixture {
    typealias Person = (user: User, token: String)

    let desk: TestDesk
    let ada: Person
    let ben: Person
    let lea: Person
    let otherLead: Person
    let otherAgent: Person
    let manager: Person
    let admin: Person
    let customer: (customer: Customer, token: String)
    let frontLine: UUID
    let billing: UUID

    static func make(_ desk: TestDesk) async throws -> PeopleFixture {
        let ada = try await desk.staff(.agent, name: "Ada Agent")
        let ben = try await desk.staff(.agent, name: "Ben Agent")
        let lea = try await desk.staff(.lead, name: "Lea Lead")
        let otherLead = try await desk.staff(.lead, name: "Otto Lead")
        let otherAgent = try await desk.staff(.agent, name: "Olga Agent")
        let manager = try await desk.staff(.manager, name: "Mia Manager")
        let admin = try await desk.staff(.admin, name: "Al Admin")
        let customer = try await desk.customer()
        let frontLine = try await team("Front Line", members: [ada.user, ben.user, lea.user], desk: desk)
        let billing = try await team("Billing", members: [otherLead.user, otherAgent.user], desk: desk)
        return PeopleFixture(
            desk: desk, ada: ada, ben: ben, lea: lea, otherLead: otherLead, otherAgent: otherAgent, manager: manager,
            admin: admin, customer: customer, frontLine: frontLine, billing: billing)
    }

    private static func team(_ name: String, members: [User], desk: TestDesk) async throws -> UUID {
        try await desk.app.write { db in
            let team = Team(name: name, at: Date())
            try await team.create(on: db)
            for member in members { try await TeamMembership(teamId: try team.requireID(), userId: try member.requireID(), at: Date()).create(on: db) }
            return try team.requireID()
        }
    }

    /// Today and the 28-day period ending today, as the reports default to.
    static var today: String { Days.day(of: Date()) }
    static var periodStart: String { Days.adding(-27, to: today) }

    /// Logs a duty through the API and returns it.
    @discardableResult
    func duty(
        _ token: String, for user: User? = nil, name: String, cadence: String, minutes: Int, category: String,
        requestedBy: String? = nil, startedOn: String? = nil
    ) async throws -> DutyDTO {
        var body: [String: JSON] = [
            "name": .string(name), "cadence": .string(cadence), "minutes": .number(Double(minutes)), "category": .string(category),
            "started_on": .string(startedOn ?? Self.periodStart),
        ]
        if let user { body["user_id"] = .string(try user.requireID().uuidString) }
        if let requestedBy { body["requested_by"] = .string(requestedBy) }
        let response = try await desk.send(.POST, "/api/v1/duties", token: token, json: body)
        #expect(response.status == .created, "duty \(name): \(response.body.string)")
        return try response.decoded(DutyDTO.self)
    }

    /// Logs a coaching session through the API.
    @discardableResult
    func coach(_ coach: Person, _ agent: User, on day: String, minutes: Int, notes: String = "Talked about tone.") async throws -> CoachingSessionDTO {
        let response = try await desk.send(.POST, "/api/v1/coaching-sessions", token: coach.token, json: [
            "agent_id": .string(try agent.requireID().uuidString), "on": .string(day), "minutes": .number(Double(minutes)),
            "topics": .array([.string("de-escalation")]), "notes": .string(notes),
        ] as [String: JSON])
        #expect(response.status == .created, "coaching: \(response.body.string)")
        return try response.decoded(CoachingSessionDTO.self)
    }
}
