import ArgumentParser
import Fluent
import Foundation
import SQLKit
import Vapor

/// `frontline backup --to DIR`: a consistent copy of a running desk. On SQLite the database is
/// copied with `VACUUM INTO` (one read transaction: the server keeps writing meanwhile), then the
/// blob files; `backup.json` is written last. On PostgreSQL the database is dumped with `pg_dump`
/// and this command copies the files (`--files-only`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the desk's database and files into an empty folder, while it runs.")

    @ArgumentParser.Option(help: "The folder to write the backup into; it must be empty or not exist.") var to: String
    @ArgumentParser.Flag(help: "Only the files (for PostgreSQL, whose database pg_dump backs up).") var filesOnly = false

    func run() async throws {
        let folder = (to as NSString).standardizingPath
        guard DataFolder.isEmptyOrMissing(folder) else { throw CLI.fail(CLI.cantCreate, "\(folder) is not empty: back up into a new folder") }
        try await AppRunner.withApp(migrate: false) { app in
            let config = app.frontlineConfig
            if case .postgres = config.database, !filesOnly {
                throw CLI.fail(CLI.usage, "on PostgreSQL, back up the database with pg_dump and the files with `frontline backup --files-only --to DIR` (see the README)")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLI.fail(CLI.cantCreate, "cannot create \(folder): \(error.localizedDescription)")
            }
            let database = filesOnly ? "files" : "sqlite"
            if !filesOnly {
                // VACUUM INTO writes a compact, consistent copy from one read transaction.
                try await app.db.sql.raw("VACUUM INTO \(bind: folder + "/" + BackupManifest.databaseFileName)").run()
            }
            let files: Int
            do {
                files = try DataFolder.copyFiles(from: config.dataDirectory, to: folder)
            } catch {
                throw CLI.fail(CLI.ioError, "cannot copy the files: \(error.localizedDescription)")
            }
            try BackupManifest(createdAt: app.clock.now(), database: database, files: files).write(to: folder)
            print("backed up the \(database == "sqlite" ? "database and " : "")\(files) files into \(folder)")
        }
    }
}

/// `frontline restore --from DIR`: puts a backup into an empty data directory and checks it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into an empty data directory (FRONTLINE_DATA_DIR).")

    @ArgumentParser.Option(help: "The folder `frontline backup` wrote.") var from: String

    func run() async throws {
        let folder = (from as NSString).standardizingPath
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.read(from: folder)
        } catch {
            throw CLI.fail(CLI.dataError, "\(folder) is not a complete backup (no readable \(BackupManifest.fileName))")
        }
        let config: FrontlineConfig
        do {
            config = try FrontlineConfig.fromEnvironment()
        } catch let invalid as FrontlineConfig.Invalid {
            throw CLI.fail(CLI.configError, invalid.description)
        }
        let target = config.dataDirectory
        switch config.database {
        case .sqlite(let path):
            guard manifest.database == "sqlite" else {
                throw CLI.fail(CLI.usage, "this backup holds only files; restore its database with pg_restore")
            }
            guard !FileManager.default.fileExists(atPath: path) else {
                throw CLI.fail(CLI.cantCreate, "\(target) already has a database: restore into an empty data directory")
            }
            do {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                _ = try DataFolder.copyFiles(from: folder, to: target)
                try FileManager.default.copyItem(atPath: folder + "/" + BackupManifest.databaseFileName, toPath: path)
            } catch {
                throw CLI.fail(CLI.ioError, "cannot restore into \(target): \(error.localizedDescription)")
            }
        case .postgres:
            do {
                _ = try DataFolder.copyFiles(from: folder, to: target)
            } catch {
                throw CLI.fail(CLI.ioError, "cannot restore the files into \(target): \(error.localizedDescription)")
            }
        }
        // Open what was restored: migrations a newer version adds run, and SQLite checks every page.
        try await AppRunner.withApp { app in
            if case .sqlite = config.database {
                struct Check: Decodable { let integrity_check: String }
                let rows = try await app.db.sql.raw("PRAGMA integrity_check").all(decoding: Check.self)
                guard rows.map(\.integrity_check) == ["ok"] else {
                    throw CLI.fail(CLI.dataError, "the restored database is damaged: \(rows.map(\.integrity_check).joined(separator: "; "))")
                }
            }
            let tickets = try await Ticket.query(on: app.db).count()
            print("restored the backup of \(manifest.createdAt.formatted(.iso8601)) into \(target): \(tickets) tickets")
        }
    }
}
