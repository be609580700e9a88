@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// Runs `count` copies of `body` at once and returns what each answered.
func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: T.self) { group in
        for index in 0..<count { group.addTask { try await body(index) } }
        return try await group.reduce(into: []) { $0.append($1) }
    }
}

extension TestDesk {
    /// A customer who can sign in to the portal (and ask for an API token) with `webPassword`.
    @discardableResult
    func customerWithPassword(email: String) async throws -> Customer {
        let hash = try app.password.hash(Self.webPassword)
        return try await app.write { db in
            let customer = try await CustomerDirectory.findOrCreate(email: email, name: "Casey Customer", on: db, at: Date())
            customer.passwordHash = hash
            try await customer.save(on: db)
            return customer
        }
    }

    /// Trades an email and password for an API token, as an integration does.
    func tokenRequest(email: String, password: String) async throws -> TestingHTTPResponse {
        try await send(.POST, "/api/v1/tokens", json: ["email": email, "password": password])
    }
}

extension Array where Element == HTTPStatus {
    func count(of status: HTTPStatus) -> Int { filter { $0 == status }.count }
}
