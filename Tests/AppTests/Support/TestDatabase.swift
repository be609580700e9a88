@testable import App
import FluentPostgresDriver
import Foundation
import Vapor

/// The database one test runs on, thrown away afterwards.
struct TestDatabase {
    let dataDirectory: String
    let config: FrontlineConfig.Database
    private let postgres: (admin: String, name: String)?

    static func make() async throws -> TestDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else {
            return TestDatabase(dataDirectory: directory, config: .sqlite(path: directory + "/frontline.sqlite"), postgres: nil)
        }
        let name = "frontline_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await adminQuery(url, "CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return TestDatabase(dataDirectory: directory, config: .postgres(url: components.string!), postgres: (url, String(name)))
    }

    var isPostgres: Bool { postgres != nil }

    func drop() async throws {
        try? FileManager.default.removeItem(atPath: dataDirectory)
        if let postgres { try await Self.adminQuery(postgres.admin, "DROP DATABASE IF EXISTS \(postgres.name) WITH (FORCE)") }
    }

    /// Runs one statement on the server's maintenance connection.
    private static func adminQuery(_ url: String, _ statement: String) async throws {
        let admin = try await Application.make(.testing)
        do {
            admin.databases.use(try .postgres(url: url), as: .psql)
            try await admin.db.sql.raw(SQLQueryString(statement)).run()
        } catch {
            try? await admin.asyncShutdown()
            throw error
        }
        try await admin.asyncShutdown()
    }
}
