import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What every SQLite connection of Frontline is set to before it does any work.
///
/// The server and the command line (`frontline mail ingest`, `user`, `token`) are separate
/// processes writing one file. SQLite lets one of them write at a time; the others must wait for
/// it, not fail: `busy_timeout` makes a connection sleep and retry for a while when the file is
/// locked (SQLiteNIO's own handler would spin on a core, forever). `synchronous=FULL` is what the
/// README promises: a commit is on disk before we answer. Both are per connection, not stored in
/// the file, so each new connection gets them, once.
enum SQLiteSession {
    /// How long a statement waits for another process's write before it gives up with "busy".
    /// The write lock is held for one commit at a time (milliseconds), so this is plenty, and short
    /// enough that a stuck writer shows up as an error instead of a hung request.
    static let busyTimeoutMilliseconds = 10_000

    static let pragmas = [
        "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",
        "PRAGMA synchronous = FULL",
    ]

    /// How a write transaction waits for the write lock while another process holds it.
    enum LockWait: Sendable {
        /// SQLite's own wait (`busy_timeout`), which backs off to one try every 100 ms: right for the
        /// server, which only ever waits for a command's few short writes.
        case backingOff
        /// A try every millisecond, as long: right for a command (the mail pipe) writing beside a busy
        /// server, whose writer is free only for moments between its group commits; backing off, the
        /// command would rarely try in one of them.
        case polling
    }

    /// How long a polling command waits for the write lock: an MTA gives its pipe command minutes.
    static let pollingTimeout = Duration.seconds(60)

    /// Starts a write transaction on `sql` (one connection), taking the write lock first. A polling
    /// writer tells `waiting` while it waits, so that a busy server gives it a turn.
    static func begin(on sql: any SQLDatabase, _ lockWait: LockWait, waiting: WaitingWriters?) async throws {
        guard lockWait == .polling else {
            try await sql.raw("BEGIN IMMEDIATE").run()
            return
        }
        try await sql.raw("PRAGMA busy_timeout = 0").run()
        let deadline = ContinuousClock.now + pollingTimeout
        var failure: (any Error)?
        var announced = false
        while true {
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                break
            } catch let error as SQLiteError where Self.busy.contains(error.reason) && ContinuousClock.now < deadline {
                if !announced, let waiting { announced = waiting.announce() }
                try? await Task.sleep(for: .milliseconds(1))
            } catch {
                failure = error
                break
            }
        }
        if announced { waiting?.withdraw() }
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        if let failure { throw failure }
    }

    private static let busy: [SQLiteError.Reason] = [.busy, .busyTimeout, .busyInRecovery, .busyInSnapshot]

    /// Sets up `connection` unless it already is.
    static func prepare(_ connection: SQLiteConnection) async throws {
        guard !prepared.isPrepared(connection) else { return }
        for pragma in pragmas { _ = try await connection.query(pragma) }
        prepared.insert(connection)
    }

    /// Sets up the connection behind `db` (a pooled SQLite database or one of its connections).
    static func prepare(_ db: any Database) async throws {
        guard let sqlite = db as? any SQLiteDatabase else { return }
        try await sqlite.withConnection { try await prepare($0) }
    }

    /// Sets up every connection of the pool now: the pool keeps one connection per event loop for
    /// the life of the app, so after this reads have the settings too, not only writes.
    static func prepareAll(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) else { continue }
            try await prepare(db)
        }
    }

    private static let prepared = PreparedConnections()
}

/// The connections already set up, held weakly: a connection the pool replaced is set up afresh.
private final class PreparedConnections: Sendable {
    private struct Entry: @unchecked Sendable {
        weak var connection: SQLiteConnection?
    }

    private let entries = NIOLockedValueBox<[ObjectIdentifier: Entry]>([:])

    func isPrepared(_ connection: SQLiteConnection) -> Bool {
        entries.withLockedValue { $0[ObjectIdentifier(connection)]?.connection === connection }
    }

    func insert(_ connection: SQLiteConnection) {
        entries.withLockedValue { entries in
            entries = entries.filter { $0.value.connection != nil }
            entries[ObjectIdentifier(connection)] = Entry(connection: connection)
        }
    }
}

extension Database {
    /// Runs `body` in a write transaction. On SQLite it starts as `BEGIN IMMEDIATE`: the write lock
    /// is taken first, waiting (see `SQLiteSession`) while another process writes. A deferred
    /// transaction would read first and then find, when it tries to write, that someone else wrote
    /// meanwhile; SQLite cannot wait in that case and fails it as "database is locked".
    ///
    /// `body` runs on the transaction's connection and must not open a transaction of its own.
    func writeTransaction<T: Sendable>(
        lockWait: SQLiteSession.LockWait = .backingOff, waiting: WaitingWriters? = nil,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard self is any SQLiteDatabase else { return try await transaction(body) }
        return try await withConnection { connection in
            try await SQLiteSession.prepare(connection)
            let sql = try connection.sql
            try await SQLiteSession.begin(on: sql, lockWait, waiting: waiting)
            do {
                let value = try await body(connection)
                try await sql.raw("COMMIT").run()
                return value
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

extension Application {
    private struct LockWaitKey: StorageKey {
        typealias Value = SQLiteSession.LockWait
    }

    /// How this process's writes wait for another process's (set before `configure`; the server
    /// backs off, the commands poll).
    var sqliteLockWait: SQLiteSession.LockWait {
        get { storage[LockWaitKey.self] ?? .backingOff }
        set { storage[LockWaitKey.self] = newValue }
    }
}
