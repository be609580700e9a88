@testable import App
import FluentPostgresDriver
import Foundation
import Vapor

/// The database one test runs on, thrown away afterwards. Migrations run once per test run, into a
/// template; each test gets a copy (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
/// PostgreSQL), so a test costs a copy instead of every migration.
struct TestDatabase {
    let dataDirectory: String
    let config: FrontlineConfig.Database
    private let postgres: (admin: String, name: String)?

    /// Whether this run's tests use PostgreSQL (`DATABASE_URL`) rather than a SQLite file each.
    static var isPostgres: Bool {
        ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true
    }

    static func make() async throws -> TestDatabase {
        let directory = temporaryDirectory("frontline-test")
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else {
            let path = directory + "/frontline.sqlite"
            try FileManager.default.copyItem(atPath: try await MigratedTemplate.shared.sqlite(), toPath: path)
            return TestDatabase(dataDirectory: directory, config: .sqlite(path: path), postgres: nil)
        }
        let template = try await MigratedTemplate.shared.postgres(admin: url)
        let name = "frontline_test_" + randomSuffix()
        try await adminQuery(url, "CREATE DATABASE \(name) TEMPLATE \(template)")
        return TestDatabase(dataDirectory: directory, config: .postgres(url: try databaseURL(url, name)), postgres: (url, name))
    }

    func drop() async throws {
        try? FileManager.default.removeItem(atPath: dataDirectory)
        if let postgres { try await Self.adminQuery(postgres.admin, "DROP DATABASE IF EXISTS \(postgres.name) WITH (FORCE)") }
    }

    static func temporaryDirectory(_ prefix: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    static func randomSuffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20))
    }

    /// The server URL with another database name.
    static func databaseURL(_ url: String, _ name: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw URLError(.badURL) }
        components.path = "/" + name
        guard let result = components.string else { throw URLError(.badURL) }
        return result
    }

    /// Runs one statement on the server's maintenance connection.
    static func adminQuery(_ url: String, _ statement: String) async throws {
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

/// A freshly migrated database per test run, made on first use and shared by every test.
actor MigratedTemplate {
    static let shared = MigratedTemplate()

    private var sqliteTemplate: Task<String, any Error>?
    private var postgresTemplate: Task<String, any Error>?

    /// The path of a migrated SQLite file.
    func sqlite() async throws -> String {
        let task = sqliteTemplate ?? Task {
            let directory = TestDatabase.temporaryDirectory("frontline-template")
            try await Self.migrate(.sqlite(path: directory + "/frontline.sqlite"), dataDirectory: directory)
            return directory + "/frontline.sqlite"
        }
        sqliteTemplate = task
        return try await task.value
    }

    /// The name of a migrated PostgreSQL database to copy (no connection stays open to it).
    func postgres(admin url: String) async throws -> String {
        let task = postgresTemplate ?? Task {
            let name = "frontline_template_" + TestDatabase.randomSuffix()
            try await TestDatabase.adminQuery(url, "CREATE DATABASE \(name)")
            try await Self.migrate(.postgres(url: try TestDatabase.databaseURL(url, name)), dataDirectory: TestDatabase.temporaryDirectory("frontline-template"))
            return name
        }
        postgresTemplate = task
        return try await task.value
    }

    private static func migrate(_ database: FrontlineConfig.Database, dataDirectory: String) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, FrontlineConfig(dataDirectory: dataDirectory, database: database, bcryptCost: 4, logLevel: "error"))
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
