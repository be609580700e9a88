import Fluent
import SQLKit
import Vapor

/// Runs every write of the desk inside a transaction (`Database.writeTransaction`: on SQLite it
/// takes the write lock first, and waits while another process, like the mail pipe, writes).
///
/// On SQLite there is one writer at a time and every commit waits for the disk (synchronous=FULL in
/// WAL mode: what we accept is on disk before we answer). Instead of making writers queue for the file
/// one commit at a time, the queue gathers the writes that arrive while a commit is under way and runs
/// them as one transaction, each in its own savepoint: a write that fails rolls back alone, and one
/// disk sync serves the whole batch (group commit). On PostgreSQL the server does all that itself, so
/// each write simply runs in its own transaction, concurrently.
///
/// Background writes (work the desk does after it has answered, like deriving calls) wait while
/// requests keep the writer busy (until it has been free of them for 5 ms), and go two at a time,
/// so background work never holds up a request waiting to say "accepted" by more than that.
actor WriteQueue {
    /// Whether someone is waiting for the write to answer a request.
    enum Lane: Sendable {
        case foreground, background
    }

    private struct Job: Sendable {
        /// Runs the write; returns what to do once the batch has committed.
        let run: @Sendable (any Database) async throws -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private enum Outcome: Sendable {
        case succeeded(@Sendable () -> Void)
        case failed(any Error)
    }

    /// More than this many writes per commit adds latency without adding throughput.
    private static let maxBatch = 256
    /// Background writes can be long; two per commit keep the writer quickly free for requests.
    private static let maxBackgroundBatch = 2
    /// How long the writer must have had no request write before background work may start.
    private static let quietBeforeBackground = Duration.milliseconds(5)

    private let batching: Bool
    private let lockWait: SQLiteSession.LockWait
    /// Other processes (commands) waiting for SQLite's write lock; nil on PostgreSQL.
    private let waiting: WaitingWriters?
    /// How long the writer stays free after a commit when a command waits for it.
    private static let turnForWaitingCommand = Duration.milliseconds(5)
    private var pending: [Job] = []
    private var background: [Job] = []
    private var lastRequestWrite = ContinuousClock.now
    private var draining = false

    init(batching: Bool, lockWait: SQLiteSession.LockWait = .backingOff, waiting: WaitingWriters? = nil) {
        self.batching = batching
        self.lockWait = lockWait
        self.waiting = waiting
    }

    /// Runs `body` in a transaction and returns its value once that transaction has committed.
    func write<T: Sendable>(
        on db: any Database, lane: Lane = .foreground, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard batching else { return try await db.writeTransaction(lockWait: lockWait, waiting: waiting, body) }
        return try await withCheckedThrowingContinuation { continuation in
            let job = Job(
                run: { tx in
                    let value = try await body(tx)
                    return { continuation.resume(returning: value) }
                },
                fail: { continuation.resume(throwing: $0) })
            switch lane {
            case .foreground:
                pending.append(job)
                lastRequestWrite = .now
            case .background:
                background.append(job)
            }
            if !draining {
                draining = true
                Task { await self.drain(on: db) }
            }
        }
    }

    private func drain(on db: any Database) async {
        while !pending.isEmpty || !background.isEmpty {
            let batch: [Job]
            if !pending.isEmpty {
                batch = Array(pending.prefix(Self.maxBatch))
                pending.removeFirst(batch.count)
                await commit(batch, on: db)
                // Quiet is counted from the end of the last request write: whoever waited on it (a
                // batcher like the call intake) comes straight back with the next one.
                lastRequestWrite = .now
                continue
            } else {
                let quietUntil = lastRequestWrite + Self.quietBeforeBackground
                if quietUntil > .now {
                    // Requests are still coming: let them have the writer (they can arrive meanwhile).
                    try? await Task.sleep(until: quietUntil, clock: .continuous)
                    continue
                }
                batch = Array(background.prefix(Self.maxBackgroundBatch))
                background.removeFirst(batch.count)
            }
            await commit(batch, on: db)
        }
        draining = false
    }

    private func commit(_ batch: [Job], on db: any Database) async {
        await Self.commit(batch, on: db, lockWait: lockWait, waiting: waiting)
        // A command (the mail pipe) waits for the file: leave the writer free for a moment.
        if let waiting, waiting.someoneIsWaiting { try? await Task.sleep(for: Self.turnForWaitingCommand) }
    }

    private static func commit(_ batch: [Job], on db: any Database, lockWait: SQLiteSession.LockWait, waiting: WaitingWriters?) async {
        let outcomes: [Outcome]
        do {
            outcomes = try await db.writeTransaction(lockWait: lockWait, waiting: waiting) { tx in
                let sql = try tx.sql
                var outcomes: [Outcome] = []
                outcomes.reserveCapacity(batch.count)
                for job in batch {
                    try await sql.raw("SAVEPOINT frontline_write").run()
                    do {
                        let done = try await job.run(tx)
                        try await sql.raw("RELEASE SAVEPOINT frontline_write").run()
                        outcomes.append(.succeeded(done))
                    } catch {
                        try await sql.raw("ROLLBACK TO SAVEPOINT frontline_write").run()
                        try await sql.raw("RELEASE SAVEPOINT frontline_write").run()
                        outcomes.append(.failed(error))
                    }
                }
                return outcomes
            }
        } catch {
            // The commit itself failed: nothing of the batch was stored, so every write fails.
            for job in batch { job.fail(error) }
            return
        }
        for (job, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .succeeded(let done): done()
            case .failed(let error): job.fail(error)
            }
        }
    }
}

extension Application {
    private struct WriteQueueKey: StorageKey {
        typealias Value = WriteQueue
    }

    /// The desk's writer; set when the database is chosen.
    var writeQueue: WriteQueue {
        get {
            guard let queue = storage[WriteQueueKey.self] else {
                // Only reachable if configure() was skipped; a plain transaction is still correct.
                return WriteQueue(batching: false)
            }
            return queue
        }
        set { storage[WriteQueueKey.self] = newValue }
    }

    /// Runs `body` as one durable write (see `WriteQueue`); `.background` for work nobody waits on.
    func write<T: Sendable>(
        lane: WriteQueue.Lane = .foreground, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let value = try await writeQueue.write(on: db, lane: lane, body)
        sidebarCounts.changed()
        return value
    }
}

extension Request {
    /// Runs `body` as one durable write (see `WriteQueue`).
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let value = try await application.writeQueue.write(on: db, body)
        application.sidebarCounts.changed()
        return value
    }
}

extension Database {
    /// The SQL interface of the database; both drivers Frontline supports are SQL databases.
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else {
                throw Abort(.internalServerError, reason: "the configured database does not speak SQL")
            }
            return sql
        }
    }
}
