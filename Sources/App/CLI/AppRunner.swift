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
    /// `lockWait`: a command writing beside a running server polls for SQLite's write lock.
    static func withApp<T>(
        arguments: [String] = ["frontline"], migrate: Bool = true, startFailure: Int32? = nil,
        lockWait: SQLiteSession.LockWait = .polling, _ body: (Application) async throws -> T
    ) async throws -> T {
        let config: FrontlineConfig
        do {
            config = try FrontlineConfig.fromEnvironment()
        } catch let invalid as FrontlineConfig.Invalid {
            throw CLI.fail(startFailure ?? CLI.configError, invalid.description)
        }
        var env = Environment(name: "production", arguments: arguments)
        try bootstrapLogging(&env)
        let app = try await Application.make(env)
        app.sqliteLockWait = lockWait
        do {
            try await configure(app, config)
            if migrate { try await app.autoMigrate() }
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
