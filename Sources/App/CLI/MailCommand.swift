import ArgumentParser
import Fluent
import Foundation
import Vapor

/// `frontline mail`: the pipe transport's way in, and reprocessing of failed messages.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Receive and reprocess mail.", subcommands: [Ingest.self, Retry.self])

    /// For an MTA's pipe transport: exit 0 once the message is stored, 75 (EX_TEMPFAIL) when it could
    /// not be stored so that the MTA tries again, 65 (EX_DATAERR) when stdin is not a mail message.
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store and process one message read from stdin.")

        func run() async throws {
            let raw = Array(FileHandle.standardInput.readDataToEndOfFile())
            try await AppRunner.withApp(startFailure: CLI.tempFail) { app in
                do throws(MailIngestor.IngestError) {
                    let record = try await MailIngestor(app: app).ingest(raw, source: "pipe", now: app.clock.now())
                    if record.status == .failed {
                        // Stored: the MTA's job is done; the reason waits for an admin.
                        CLI.printError("stored, but processing failed: \(record.error ?? "unknown reason")")
                    }
                } catch {
                    switch error {
                    case .notMail(let reason): throw CLI.fail(CLI.dataError, "not a mail message: \(reason)")
                    case .notStored(let reason): throw CLI.fail(CLI.tempFail, "could not store the message: \(reason)")
                    }
                }
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Process failed messages again (all of them, or one), and any left unprocessed by a crash.")

        @ArgumentParser.Option(help: "The id of one inbound message.") var id: String?

        func validate() throws {
            if let id, UUID(uuidString: id) == nil { throw ValidationError("--id must be the UUID of an inbound message") }
        }

        func run() async throws {
            try await AppRunner.withApp { app in
                let query = InboundMail.query(on: app.db).filter(\.$status == .failed)
                if let id = id.flatMap(UUID.init(uuidString:)) { query.filter(\.$id == id) }
                let failed = try await query.all()
                var fixed = 0
                for record in failed {
                    try await MailIngestor(app: app).retry(record, now: app.clock.now())
                    if record.status != .failed { fixed += 1 }
                    print("\(record.id?.uuidString ?? "?") \(record.status.rawValue)\(record.error.map { ": \($0)" } ?? "")")
                }
                print("\(fixed) of \(failed.count) failed messages processed")
                if id == nil {
                    let recovered = try await InboundRecovery(app: app).run(now: app.clock.now())
                    if recovered > 0 { print("\(recovered) messages left unprocessed by an earlier run processed") }
                }
            }
        }
    }
}
