@testable import App
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// `frontline backup` and `frontline restore`, run as the real binary against a desk that keeps
/// writing: what was acknowledged before the backup began is in the restored desk, with its files.
@Suite("Backup and restore", .enabled(if: CLIRunner.binary != nil, "the frontline binary is not built: run `swift build` first"))
struct BackupRestoreTests {
    @Test(.enabled(if: !TestDatabase.isPostgres, "SQLite's backup; PostgreSQL's database is backed up with pg_dump"))
    func aBackupTakenUnderWriteLoadRestoresEveryAcknowledgedTicket() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.admin)
            let mail = try await MailIngestor(app: desk.app).ingest(Array(MailSamples.firstContact().utf8), source: "test", now: desk.app.clock.now())
            let mailFile = BlobStore(dataDirectory: desk.app.frontlineConfig.dataDirectory, kind: "mail").path(for: mail.sha256)
            #expect(FileManager.default.fileExists(atPath: mailFile))

            let acknowledged = NIOLockedValueBox<[Int]>([])
            let stop = NIOLockedValueBox(false)
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<4 {
                        group.addTask {
                            var n = 0
                            while !stop.withLockedValue({ $0 }) {
                                n += 1
                                let ticket = try await desk.createTicket(token: token, subject: "Load \(writer)-\(n)")
                                acknowledged.withLockedValue { $0.append(ticket.number) }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            while acknowledged.withLockedValue({ $0.count }) < 20 { try await Task.sleep(for: .milliseconds(20)) }
            let beforeBackup = Set(acknowledged.withLockedValue { $0 })
            let backupFolder = TestDatabase.temporaryDirectory("frontline-backup") + "/copy"
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let environment = desk.cliEnvironment
            let backup = try await Task.detached { try cli.run(["backup", "--to", backupFolder], environment: environment) }.value
            stop.withLockedValue { $0 = true }
            try await writers.value
            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(acknowledged.withLockedValue { $0.count } > beforeBackup.count, "the desk kept writing during the backup")

            let restoreTarget = TestDatabase.temporaryDirectory("frontline-restored")
            let restore = try cli.run(["restore", "--from", backupFolder], environment: ["FRONTLINE_DATA_DIR": restoreTarget])
            #expect(restore.status == 0, "\(restore.stderr)")
            #expect(restore.stdout.contains("tickets"))
            let restoredMail = BlobStore(dataDirectory: restoreTarget, kind: "mail").path(for: mail.sha256)
            #expect(FileManager.default.contents(atPath: restoredMail) == FileManager.default.contents(atPath: mailFile))

            let restoredNumbers = try await Self.ticketNumbers(in: restoreTarget)
            #expect(beforeBackup.isSubset(of: restoredNumbers), "missing: \(beforeBackup.subtracting(restoredNumbers).sorted())")

            // Neither command overwrites anything.
            let again = try cli.run(["restore", "--from", backupFolder], environment: ["FRONTLINE_DATA_DIR": restoreTarget])
            #expect(again.status == 73 && again.stderr.contains("already has a database"))
            let intoFull = try cli.run(["backup", "--to", backupFolder], environment: environment)
            #expect(intoFull.status == 73 && intoFull.stderr.contains("not empty"))
            try? FileManager.default.removeItem(atPath: restoreTarget)
            try? FileManager.default.removeItem(atPath: (backupFolder as NSString).deletingLastPathComponent)
        }
    }

    @Test func anUnfinishedBackupIsRefused() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let folder = TestDatabase.temporaryDirectory("frontline-not-a-backup")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/frontline.sqlite", contents: Data("half a copy".utf8))
        let restore = try cli.run(["restore", "--from", folder])
        #expect(restore.status == 65)
        #expect(restore.stderr.contains("not a complete backup"))
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/frontline.sqlite"))
    }

    @Test(.enabled(if: TestDatabase.isPostgres, "only PostgreSQL points to pg_dump"))
    func onPostgreSQLTheDatabaseIsLeftToPgDump() async throws {
        try await TestDesk.run { desk in
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let folder = TestDatabase.temporaryDirectory("frontline-backup")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let refused = try cli.run(["backup", "--to", folder + "/db"], environment: desk.cliEnvironment)
            #expect(refused.status == 64 && refused.stderr.contains("pg_dump"))
            let files = try cli.run(["backup", "--files-only", "--to", folder + "/files"], environment: desk.cliEnvironment)
            #expect(files.status == 0, "\(files.stderr)")
            #expect(try BackupManifest.read(from: folder + "/files").database == "files")
        }
    }

    /// The ticket numbers of a restored data directory, read by the app itself.
    private static func ticketNumbers(in directory: String) async throws -> Set<Int> {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, FrontlineConfig(dataDirectory: directory, database: .sqlite(path: directory + "/frontline.sqlite"), bcryptCost: 4, logLevel: "error"))
            let numbers = Set(try await Ticket.query(on: app.db).all().map(\.number))
            try await app.asyncShutdown()
            return numbers
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
