@testable import App
import Fluent
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// The server and the mail pipe write one database from two processes: the one that finds the
/// other writing waits for it, and nobody fails because of it.
@Suite("Writers that wait", .enabled(if: CLIRunner.binary != nil, "the frontline binary is not built: run `swift build` first"))
struct WriterContentionTests {
    @Test func aHundredMailPipeRunsDuringSixteenHTTPWritersAllGetThrough() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let pipeRuns = 100, pipesAtOnce = 4, writers = 16
            let pipesDone = NIOLockedValueBox(false)

            // Sixteen API clients create tickets back to back until the last pipe run has ended.
            async let httpStatuses: [UInt] = withThrowingTaskGroup(of: [UInt].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var statuses: [UInt] = []
                        repeat {
                            let response = try await desk.send(.POST, "/api/v1/tickets", token: agent.token, json: [
                                "subject": .string("Writer \(writer) ticket \(statuses.count)"), "body": "Typed in by an agent.",
                                "requester": .object(["email": .string("writer\(writer)@example.test")]),
                            ] as [String: JSON])
                            statuses.append(response.status.code)
                        } while !pipesDone.withLockedValue { $0 }
                        return statuses
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }

            // Meanwhile the MTA pipes a hundred new messages, a few at a time.
            var pipeResults: [CLIRunner.Result] = []
            for first in stride(from: 0, to: pipeRuns, by: pipesAtOnce) {
                pipeResults += try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
                    for index in first..<min(first + pipesAtOnce, pipeRuns) {
                        let message = MailSamples.reply(
                            from: "pipe\(index)@example.test", subject: "Pipe message \(index)", inReplyTo: nil,
                            messageID: "pipe.\(index)@client.example.test", body: "Message number \(index) through the pipe.")
                        group.addTask { try await cli.runOffThePool(["mail", "ingest"], environment: desk.cliEnvironment, stdin: message) }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            pipesDone.withLockedValue { $0 = true }
            let statuses = try await httpStatuses

            let failedPipes = pipeResults.filter { $0.status != 0 || !$0.stderr.isEmpty }
            #expect(failedPipes.isEmpty, "\(failedPipes.count) pipe runs failed: \(failedPipes.prefix(3).map { "\($0.status) \($0.stderr)" })")
            #expect(statuses.count >= writers)
            #expect(statuses.allSatisfy { $0 == 201 }, "HTTP answers other than 201: \(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")

            // Every piped message was stored, processed, and opened its own ticket.
            let mail = try await InboundMail.query(on: desk.app.db).all()
            #expect(mail.count == pipeRuns)
            #expect(mail.allSatisfy { $0.status == .processed }, "\(mail.filter { $0.status != .processed }.map { "\($0.status): \($0.error ?? "")" })")
            let piped = try await Ticket.query(on: desk.app.db).filter(\.$channel == .email).all()
            #expect(Set(piped.map(\.subject)) == Set((0..<pipeRuns).map { "Pipe message \($0)" }))
            #expect(try await Ticket.query(on: desk.app.db).count() == pipeRuns + statuses.count)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgres, "SQLite settings"))
    func everySQLiteConnectionWaitsForOtherWritersAndSyncsEachCommit() async throws {
        try await TestDesk.run { desk in
            let app = desk.app
            // Every pooled connection (one per event loop), and the one a write runs on.
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let db = try #require(app.databases.database(.sqlite, logger: app.logger, on: eventLoop))
                #expect(try await Self.pragma("busy_timeout", on: db) == SQLiteSession.busyTimeoutMilliseconds)
                #expect(try await Self.pragma("synchronous", on: db) == 2, "2 is FULL")
            }
            let inWrite = try await app.write { db in
                [try await Self.pragma("busy_timeout", on: db), try await Self.pragma("synchronous", on: db)]
            }
            #expect(inWrite == [SQLiteSession.busyTimeoutMilliseconds, 2])
        }
    }

    private static func pragma(_ name: String, on db: any Database) async throws -> Int {
        let row = try #require(try await db.sql.raw("PRAGMA \(unsafeRaw: name)").first())
        // SQLite names the one column of `PRAGMA busy_timeout` "timeout".
        return try row.decode(column: name == "busy_timeout" ? "timeout" : name, as: Int.self)
    }
}

extension CLIRunner {
    /// `run` on a thread of its own: it blocks until the process ends, and blocking the tasks' few
    /// threads would stall the in-process server the test talks to.
    func runOffThePool(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try self.run(arguments, environment: environment, stdin: stdin) })
            }
        }
    }
}
