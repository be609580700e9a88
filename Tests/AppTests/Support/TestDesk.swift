@testable import App
import FluentPostgresDriver
import Foundation
import FrontlineMail
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// A real Frontline app for one test, on its own database: a temporary SQLite file, or a fresh
/// PostgreSQL database when `DATABASE_URL` is set (so the same suite runs on both).
struct TestDesk {
    let app: Application

    /// What the `frontline` binary needs to work on this test's database.
    var cliEnvironment: [String: String] {
        var environment = ["FRONTLINE_DATA_DIR": app.frontlineConfig.dataDirectory, "MAIL_FROM": Self.supportAddress.description]
        if case .postgres(let url) = app.frontlineConfig.database { environment["DATABASE_URL"] = url }
        return environment
    }

    /// The desk's own address in tests; mail samples write to it.
    static let supportAddress = MailAddress(name: "Frontline Support", email: "support@frontline.test")

    /// `adjust` changes the configuration before the app is built (public URL, trusted proxies, ...).
    static func run(
        mail: MailSettings = MailSettings(from: supportAddress), adjust: (inout FrontlineConfig) -> Void = { _ in },
        _ body: (TestDesk) async throws -> Void
    ) async throws {
        let database = try await TestDatabase.make()
        let app = try await Application.make(.testing)
        do {
            var config = FrontlineConfig(dataDirectory: database.dataDirectory, database: database.config, bcryptCost: 4, logLevel: "error", mail: mail)
            // The whole suite runs at once on CI's two cores: requests may wait long for a connection.
            config.databasePoolTimeoutSeconds = 180
            // Every test is its own app with its own pool, all at once against one server: keep each small.
            config.databaseConnectionsPerEventLoop = 1
            adjust(&config)
            try await configure(app, config)
            try await app.autoMigrate()
            try await body(TestDesk(app: app))
        } catch {
            try? await app.asyncShutdown()
            try? await database.drop()
            throw error
        }
        try await app.asyncShutdown()
        try await database.drop()
    }

    // MARK: people

    /// A staff member with an API token.
    func staff(_ role: UserRole, name: String? = nil) async throws -> (user: User, token: String) {
        let email = "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.test".lowercased()
        let now = app.clock.now()
        let user = try await app.write { db in
            try await StaffDirectory.create(
                email: email, name: name ?? "\(role.rawValue.capitalized) Person", role: role, passwordHash: nil, on: db, at: now)
        }
        return (user, try await token(userId: user.id, customerId: nil))
    }

    /// A customer with an API token.
    func customer(email: String? = nil) async throws -> (customer: Customer, token: String) {
        let address = email ?? "customer-\(UUID().uuidString.prefix(8))@example.test".lowercased()
        let customer = try await app.write { db in
            try await CustomerDirectory.findOrCreate(email: address, name: "Casey Customer", on: db, at: Date())
        }
        return (customer, try await token(userId: nil, customerId: customer.id))
    }

    private func token(userId: UUID?, customerId: UUID?) async throws -> String {
        let (token, hash) = APIToken.generate()
        try await app.write { db in
            try await APIToken(tokenHash: hash, label: "test", userId: userId, customerId: customerId, at: Date()).create(on: db)
        }
        return token
    }

    // MARK: HTTP

    /// Sends a request through the real routing and middleware; `json` is encoded, `raw` sent as is.
    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: (any Encodable)? = nil, raw: String? = nil,
        contentType: HTTPMediaType = .json
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(data: try JSONEncoder().encode(json))
            headers.contentType = contentType
        } else if let raw {
            body = ByteBuffer(string: raw)
            headers.contentType = contentType
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// Creates a ticket through the API as `token` and returns it.
    func createTicket(
        token: String, subject: String = "Printer shows E3", email: String = "pat@example.test", extra: [String: JSON] = [:]
    ) async throws -> TicketDTO {
        var payload: [String: JSON] = [
            "subject": .string(subject), "body": .string("It stopped printing after the update."),
            "requester": .object(["email": .string(email), "name": .string("Pat Doe")]),
        ]
        payload.merge(extra) { $1 }
        let response = try await send(.POST, "/api/v1/tickets", token: token, json: payload)
        #expect(response.status == .created, "create ticket: \(response.body.string)")
        return try response.decoded(TicketDTO.self)
    }
}

extension TestDesk {
    /// Opens a ticket with a customer token; the answer is the customer's representation.
    func createCustomerTicket(token: String, subject: String = "Printer shows E3") async throws -> CustomerTicketDTO {
        let response = try await send(.POST, "/api/v1/tickets", token: token, json: [
            "subject": subject, "body": "It stopped printing after the update.",
        ])
        #expect(response.status == .created, "create ticket: \(response.body.string)")
        return try response.decoded(CustomerTicketDTO.self)
    }
}

/// JSON written in tests.
typealias JSON = JSONValue

extension TestingHTTPResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.decoder.decode(T.self, from: Data(buffer: body))
    }

    /// The `error` object of an error response.
    var apiError: ErrorBody.Detail? {
        try? decoded(ErrorBody.self).error
    }
}
