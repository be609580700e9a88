@testable import App
import FrontlineCore
import Testing
import VaporTesting

@Suite("Accounts API")
struct AccountsAPITests {
    @Test func managersManageStaffAndDeactivationRevokesTokensAtOnce() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let created = try await desk.send(.POST, "/api/v1/users", token: manager.token, json: ["email": "New.Agent@Example.test", "name": " New Agent ", "role": "agent", "password": "a good password"])
            #expect(created.status == .created)
            let user = try created.decoded(UserDTO.self)
            #expect(user.name == "New Agent")
            #expect(user.active)
            #expect(!created.body.string.contains("password"), "the hash never leaves the server")

            let duplicate = try await desk.send(.POST, "/api/v1/users", token: manager.token, json: ["email": "new.agent@example.TEST", "name": "Again", "role": "agent"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.apiError?.field == "email")

            let login = try await desk.send(.POST, "/api/v1/tokens", json: ["email": "new.agent@example.test", "password": "a good password"])
            #expect(login.status == .created)
            let token = try login.decoded(TokensController.TokenResponse.self)
            #expect(token.userId == user.id)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token.token).status == .ok)

            let promote = try await desk.send(.PATCH, "/api/v1/users/\(user.id)", token: manager.token, json: ["role": "admin"])
            #expect(promote.status == .forbidden, "a manager cannot make an admin")
            let lead = try await desk.send(.PATCH, "/api/v1/users/\(user.id)", token: manager.token, json: ["role": "lead"])
            #expect(try lead.decoded(UserDTO.self).role == .lead)

            #expect(try await desk.send(.DELETE, "/api/v1/users/\(user.id)", token: manager.token).status == .noContent)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: token.token).status == .unauthorized)
            let again = try await desk.send(.POST, "/api/v1/tokens", json: ["email": "new.agent@example.test", "password": "a good password"])
            #expect(again.status == .unauthorized)
            let shown = try await desk.send(.GET, "/api/v1/users/\(user.id)", token: manager.token).decoded(UserDTO.self)
            #expect(!shown.active, "deactivated, not deleted: their history keeps its author")
            #expect(try await desk.send(.DELETE, "/api/v1/users/\(try #require(manager.user.id))", token: manager.token).status == .conflict)
        }
    }

    @Test func aWrongPasswordOrUnknownEmailIsTheSame401() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            _ = try await desk.send(.POST, "/api/v1/users", token: manager.token, json: ["email": "x@example.test", "name": "X", "role": "agent", "password": "a good password"])
            let wrong = try await desk.send(.POST, "/api/v1/tokens", json: ["email": "x@example.test", "password": "not the password"])
            let unknown = try await desk.send(.POST, "/api/v1/tokens", json: ["email": "nobody@example.test", "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.body.string == unknown.body.string)
        }
    }

    @Test func teamsHaveMembersAndKeepTheirTickets() async throws {
        try await TestDesk.run { desk in
            let manager = try await desk.staff(.manager)
            let agent = try await desk.staff(.agent)
            let team = try await desk.send(.POST, "/api/v1/teams", token: manager.token, json: ["name": "Billing"]).decoded(TeamDTO.self)
            #expect(try await desk.send(.POST, "/api/v1/teams", token: manager.token, json: ["name": "Billing"]).status == .conflict)
            let added = try await desk.send(.POST, "/api/v1/teams/\(team.id)/members", token: manager.token, json: ["user_id": agent.user.id])
            #expect(added.status == .created)
            #expect(try added.decoded(TeamDTO.self).memberIds == [try #require(agent.user.id)])
            // Adding twice is harmless.
            #expect(try await desk.send(.POST, "/api/v1/teams/\(team.id)/members", token: manager.token, json: ["user_id": agent.user.id]).decoded(TeamDTO.self).memberIds.count == 1)
            let listed = try await desk.send(.GET, "/api/v1/teams", token: agent.token).decoded(TeamsController.TeamList.self)
            #expect(listed.teams.map(\.name) == ["Billing"])

            _ = try await desk.createTicket(token: agent.token, extra: ["team_id": .string(team.id.uuidString)])
            let delete = try await desk.send(.DELETE, "/api/v1/teams/\(team.id)", token: manager.token)
            #expect(delete.status == .conflict)
            #expect(try await desk.send(.DELETE, "/api/v1/teams/\(team.id)/members/\(try #require(agent.user.id))", token: manager.token).status == .noContent)
            #expect(try await desk.send(.DELETE, "/api/v1/teams/\(team.id)/members/\(try #require(agent.user.id))", token: manager.token).status == .notFound)
        }
    }

    @Test func customersAndOrganizationsKeepTheirHistory() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let org = try await desk.send(.POST, "/api/v1/organizations", token: admin.token, json: ["name": "Northwind", "domain": "northwind.example"]).decoded(OrganizationDTO.self)
            let customer = try await desk.send(.POST, "/api/v1/customers", token: admin.token, json: [
                "email": "Pat@Northwind.example", "name": "Pat", "organization_id": org.id.uuidString,
            ]).decoded(CustomerDTO.self)
            #expect(customer.organizationId == org.id)
            let dup = try await desk.send(.POST, "/api/v1/customers", token: admin.token, json: ["email": "pat@NORTHWIND.example"])
            #expect(dup.status == .conflict)

            let ticket = try await desk.createTicket(token: admin.token, email: "pat@northwind.example")
            #expect(ticket.organizationId == org.id, "a ticket belongs to its requester's organization")
            let byOrg = try await desk.send(.GET, "/api/v1/customers?organization_id=\(org.id)", token: admin.token).decoded(CustomersController.CustomerPage.self)
            #expect(byOrg.customers.map(\.id) == [customer.id])

            #expect(try await desk.send(.DELETE, "/api/v1/customers/\(customer.id)", token: admin.token).status == .conflict)
            #expect(try await desk.send(.DELETE, "/api/v1/organizations/\(org.id)", token: admin.token).status == .conflict)

            let renamed = try await desk.send(.PATCH, "/api/v1/customers/\(customer.id)", token: admin.token, json: ["phone": "+49 30 1234567"]).decoded(CustomerDTO.self)
            #expect(renamed.phone == "+49 30 1234567")
        }
    }

    @Test func directoriesPageWithACursor() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            for index in 0..<5 { _ = try await desk.send(.POST, "/api/v1/organizations", token: admin.token, json: ["name": "Org \(index)"]) }
            let first = try await desk.send(.GET, "/api/v1/organizations?limit=2", token: admin.token).decoded(OrganizationsController.OrganizationPage.self)
            #expect(first.organizations.map(\.name) == ["Org 0", "Org 1"])
            let second = try await desk.send(.GET, "/api/v1/organizations?limit=2&cursor=\(try #require(first.nextCursor))", token: admin.token).decoded(OrganizationsController.OrganizationPage.self)
            #expect(second.organizations.map(\.name) == ["Org 2", "Org 3"])
        }
    }
}
