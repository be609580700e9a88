import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Why the database could not be opened; the CLI turns it into exit status 74.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let location: String
    public let reason: String
    public var description: String { "cannot open database at \(location): \(reason)" }
}

extension Application {
    /// Points Fluent at the configured database and makes sure it can be opened.
    func useDatabase(_ config: FrontlineConfig) async throws {
        switch config.database {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
            } catch {
                throw DatabaseUnavailable(location: path, reason: "cannot create directory \(directory): \(error.localizedDescription)")
            }
            // A request waits for its event loop's one connection while a group commit holds it.
            databases.use(
                .sqlite(.file(path), connectionPoolTimeout: .seconds(config.databasePoolTimeoutSeconds), sqlLogLevel: .trace),
                as: .sqlite)
            writeQueue = WriteQueue(batching: true, lockWait: sqliteLockWait, waiting: WaitingWriters(databasePath: path))
            do {
                // Each connection waits for another process's write, and syncs every commit.
                try await SQLiteSession.prepareAll(self)
                // WAL lets readers work while one writer commits; the mode is stored in the file.
                try await db.sql.raw("PRAGMA journal_mode=WAL").run()
            } catch {
                throw DatabaseUnavailable(location: path, reason: String(describing: error))
            }
        case .postgres(let url):
            do {
                // Several connections per event loop: PostgreSQL runs transactions side by side, and a
                // transaction waiting on a row lock must not starve the requests behind it.
                databases.use(
                    .postgres(
                        configuration: try SQLPostgresConfiguration(url: url), maxConnectionsPerEventLoop: config.databaseConnectionsPerEventLoop,
                        connectionPoolTimeout: .seconds(config.databasePoolTimeoutSeconds), sqlLogLevel: .trace),
                    as: .psql)
            } catch {
                throw DatabaseUnavailable(location: redacted(url), reason: "bad DATABASE_URL: \(error)")
            }
            writeQueue = WriteQueue(batching: false)
            do {
                try await db.sql.raw("SELECT 1").run()
            } catch {
                throw DatabaseUnavailable(location: redacted(url), reason: String(reflecting: error))
            }
        }
    }

    /// The URL without its password, fit for a log line or an error message.
    private func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "DATABASE_URL" }
        if parts.password != nil { parts.password = "***" }
        return parts.string ?? "DATABASE_URL"
    }
}
