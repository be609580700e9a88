import ArgumentParser
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Builds the application for a command, mapping start-up failures to exit codes.
enum AppRunner {
    /// Runs `body` with a configured, migrated application and shuts it down afterwards.
    /// `startFailure` replaces the exit code of a configuration or database problem: the mail pipe
    /// answers 75 (try again later) for both, so that a mail server keeps the message instead of bouncing it.
    /// `rememberMailSettings`: the server stores the mail settings of its environment for the other
    /// commands (see `MailSettingsStore`); every command completes its own from the stored ones.
    /// `lockWait`: a command writing beside a running server polls for SQLite's write lock.
    static func withApp<T>(
        arguments: [String] = ["frontline"], migrate: Bool = true, startFailure: Int32? = nil, rememberMailSettings: Bool = false,
        lockWait: SQLiteSession.LockWait = .polling, _ body: (Application) async throws -> T
    ) async throws -> T {
        let config: FrontlineConfig
        do {
            config = try FrontlineConfig.fromEnvironment()
        } catch let invalid as FrontlineConfig.Invalid {
            throw CLI.fail(startFailure ?? CLI.configError, invalid.description)
        }
        if let problem = Self.unwritableDataDirectory(config) {
            throw CLI.fail(startFailure ?? CLI.ioError, problem)
        }
        var env = Environment(name: "production", arguments: arguments)
        try bootstrapLogging(&env)
        let app = try await Application.make(env)
        app.sqliteLockWait = lockWait
        do {
            try await configure(app, config)
            if migrate { try await app.autoMigrate() }
            if rememberMailSettings { try await MailSettingsStore.remember(config.mail, on: app.db, at: app.clock.now()) }
            app.frontlineConfig.mail = try await MailSettingsStore.completing(config.mail, on: app.db)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch let unavailable as DatabaseUnavailable {
            try? await app.asyncShutdown()
            throw CLI.fail(startFailure ?? CLI.ioError, unavailable.description)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// The server and the mail pipe must both write the data directory and the SQLite files (WAL
    /// included): files made by another user (say `migrate` run as root) are named with the fix.
    static func unwritableDataDirectory(_ config: FrontlineConfig) -> String? {
        let files = FileManager.default
        var paths = [config.dataDirectory]
        if case .sqlite(let path) = config.database { paths += [path, path + "-wal", path + "-shm"] }
        guard let blocked = paths.first(where: { files.fileExists(atPath: $0) && !files.isWritableFile(atPath: $0) }) else { return nil }
        return "\(blocked) is not writable by this user (uid \(getuid())): run migrate, the server and the mail pipe as the one user that owns \(config.dataDirectory)"
    }

    private static let loggingBootstrapped = LockedFlag()

    private static func bootstrapLogging(_ env: inout Environment) throws {
        if loggingBootstrapped.setOnce() { try LoggingSystem.bootstrap(from: &env) }
    }
}

/// A flag that is set once, safely from any thread.
final class LockedFlag: Sendable {
    private let lock = NIOLockedValueBox(false)

    /// True the first time it is called, false after.
    func setOnce() -> Bool {
        lock.withLockedValue { wasSet in
            defer { wasSet = true }
            return !wasSet
        }
    }
}
