@testable import App
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Each role against each route family: who may, who is refused and how.
@Suite("Role matrix")
struct RoleMatrixTests {
    enum Who: String, CaseIterable, Sendable {
        case anonymous, customer, agent, lead, manager, admin
    }

    /// One request of a route family, with the status each role gets.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: [Who: HTTPStatus]
        var testDescription: String { name }
    }

    static let unauthenticated: [Who: HTTPStatus] = [.anonymous: .unauthorized]

    static let cases: [Case] = [
        Case(name: "list tickets", expected: [.anonymous: .unauthorized, .customer: .ok, .agent: .ok, .lead: .ok, .manager: .ok, .admin: .ok]),
        Case(name: "update ticket", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .ok, .lead: .ok, .manager: .ok, .admin: .ok]),
        Case(name: "ticket events", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .ok, .lead: .ok, .manager: .ok, .admin: .ok]),
        Case(name: "list users", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .ok, .lead: .ok, .manager: .ok, .admin: .ok]),
        Case(name: "create agent", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .forbidden, .lead: .forbidden, .manager: .created, .admin: .created]),
        Case(name: "create admin", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .forbidden, .lead: .forbidden, .manager: .forbidden, .admin: .created]),
        Case(name: "create team", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .forbidden, .lead: .forbidden, .manager: .created, .admin: .created]),
        Case(name: "list teams", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .ok, .lead: .ok, .manager: .ok, .admin: .ok]),
        Case(name: "create customer", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .created, .lead: .created, .manager: .created, .admin: .created]),
        Case(name: "delete customer", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .forbidden, .lead: .forbidden, .manager: .forbidden, .admin: .noContent]),
        Case(name: "create organization", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .created, .lead: .created, .manager: .created, .admin: .created]),
        Case(name: "delete organization", expected: [.anonymous: .unauthorized, .customer: .forbidden, .agent: .forbidden, .lead: .forbidden, .manager: .forbidden, .admin: .noContent]),
    ]

    @Test(arguments: cases)
    func eachRoleGetsWhatItsRoleAllows(_ testCase: Case) async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let ticket = try await desk.createTicket(token: admin.token)
            for who in Who.allCases {
                let token: String? = switch who {
                case .anonymous: nil
                case .customer: try await desk.customer().token
                case .agent: try await desk.staff(.agent).token
                case .lead: try await desk.staff(.lead).token
                case .manager: try await desk.staff(.manager).token
                case .admin: try await desk.staff(.admin).token
                }
                let response = try await send(testCase.name, as: token, desk: desk, ticket: ticket, adminToken: admin.token)
                #expect(response.status == testCase.expected[who], "\(testCase.name) as \(who.rawValue): \(response.body.string)")
                if response.status.code >= 400 {
                    #expect(response.apiError != nil, "an error answer has the error shape")
                }
            }
        }
    }

    private func send(_ name: String, as token: String?, desk: TestDesk, ticket: TicketDTO, adminToken: String) async throws -> TestingHTTPResponse {
        let unique = UUID().uuidString.prefix(8).lowercased()
        switch name {
        case "list tickets": return try await desk.send(.GET, "/api/v1/tickets", token: token)
        case "update ticket": return try await desk.send(.PATCH, "/api/v1/tickets/\(ticket.id)", token: token, json: ["priority": "high"])
        case "ticket events": return try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events", token: token)
        case "list users": return try await desk.send(.GET, "/api/v1/users", token: token)
        case "create agent": return try await desk.send(.POST, "/api/v1/users", token: token, json: ["email": "a-\(unique)@example.test", "name": "New Agent", "role": "agent"])
        case "create admin": return try await desk.send(.POST, "/api/v1/users", token: token, json: ["email": "b-\(unique)@example.test", "name": "New Admin", "role": "admin"])
        case "create team": return try await desk.send(.POST, "/api/v1/teams", token: token, json: ["name": "Team \(unique)"])
        case "list teams": return try await desk.send(.GET, "/api/v1/teams", token: token)
        case "create customer": return try await desk.send(.POST, "/api/v1/customers", token: token, json: ["email": "c-\(unique)@example.test"])
        case "delete customer":
            let customer = try await desk.send(.POST, "/api/v1/customers", token: adminToken, json: ["email": "d-\(unique)@example.test"]).decoded(CustomerDTO.self)
            return try await desk.send(.DELETE, "/api/v1/customers/\(customer.id)", token: token)
        case "create organization": return try await desk.send(.POST, "/api/v1/organizations", token: token, json: ["name": "Org \(unique)"])
        case "delete organization":
            let organization = try await desk.send(.POST, "/api/v1/organizations", token: adminToken, json: ["name": "Org \(unique)"]).decoded(OrganizationDTO.self)
            return try await desk.send(.DELETE, "/api/v1/organizations/\(organization.id)", token: token)
        default:
            Issue.record("no request for \(name)")
            return try await desk.send(.GET, "/healthz")
        }
    }
}
