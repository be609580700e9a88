@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The command line, run as the real binary.
@Suite("CLI", .enabled(if: CLIRunner.binary != nil, "the frontline binary is not built: run `swift build` first"))
struct CLITests {
    @Test func userCreateAndTokenCreateGiveAWorkingToken() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let created = try cli.run(["user", "create", "--email", "Ada@Example.test", "--name", "Ada Admin", "--role", "admin", "--password", "correct horse"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created admin Ada@Example.test"))

        let token = try cli.run(["token", "create", "--email", "ada@example.test", "--label", "script"])
        #expect(token.status == 0, "\(token.stderr)")
        let lines = token.stdout.split(separator: "\n")
        #expect(lines.count == 1, "the token alone on stdout")
        let value = String(try #require(lines.first))
        #expect(value.hasPrefix("fl_"))

        // The same data directory, served in-process: the token and the password both work.
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: value)
            let me = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: headers)
            #expect(me.status == .ok)
            var json = HTTPHeaders()
            json.contentType = .json
            let login = try await app.testing().sendRequest(
                .POST, "/api/v1/tokens", headers: json, body: ByteBuffer(string: #"{"email":"ADA@example.test","password":"correct horse"}"#))
            #expect(login.status == .created)
        }
    }

    @Test func aCustomerTokenIsACustomerToken() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            _ = try await app.write { db in try await CustomerDirectory.findOrCreate(email: "pat@example.test", name: "Pat", on: db, at: Date()) }
        }
        let token = try cli.run(["token", "create", "--email", "pat@example.test"])
        #expect(token.status == 0)
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/tickets", headers: headers).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/users", headers: headers).status == .forbidden)
        }
    }

    @Test(arguments: [
        (["user", "create", "--email", "a@example.test", "--name", "A", "--role", "boss"], "--role"),
        (["user", "create", "--name", "A", "--role", "agent"], "--email"),
        (["user", "create", "--email", "not-an-email", "--name", "A", "--role", "agent"], "--email"),
        (["user", "create", "--email", "a@example.test", "--name", "A", "--role", "agent", "--password", "short"], "--password"),
        (["token", "create"], "--email"),
        (["serve", "--port", "70000"], "--port"),
        (["serve", "--port", "eighty"], "port"),
        (["teleport"], "teleport"),
    ])
    func badArgumentsExit64WithOneLine(arguments: [String], mentioning: String) throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.hasPrefix("frontline: "))
        #expect(result.stderr.contains(mentioning))
    }

    @Test func aDuplicateUserIsADataError() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let arguments = ["user", "create", "--email", "dup@example.test", "--name", "Dup", "--role", "agent"]
        #expect(try cli.run(arguments).status == 0)
        let again = try cli.run(arguments.map { $0 == "dup@example.test" ? "DUP@example.test" : $0 })
        #expect(again.status == 65)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func aTokenForNobodyExits67() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["token", "create", "--email", "ghost@example.test"])
        #expect(result.status == 67)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ghost@example.test"))
    }

    @Test func aDatabaseThatCannotBeOpenedExits74WithThePath() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        // A regular file where the data directory should be: nothing can be created below it.
        let blocker = cli.dataDirectory + "/not-a-directory"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let result = try cli.run(["migrate"], environment: ["FRONTLINE_DATA_DIR": blocker + "/data"])
        #expect(result.status == 74)
        #expect(result.stderr.contains(blocker + "/data/frontline.sqlite"))
    }

    @Test func aBadSettingExits78NamingEveryProblem() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run(["migrate"], environment: ["FRONTLINE_BCRYPT_COST": "many", "LOG_LEVEL": "loud"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("FRONTLINE_BCRYPT_COST"))
        #expect(result.stderr.contains("LOG_LEVEL"))
    }

    @Test func theMailPipeStoresAMessageAndAnswersLikeAnMTAExpects() async throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let stored = try cli.run(["mail", "ingest"], stdin: MailSamples.firstContact())
        #expect(stored.status == 0, "\(stored.stderr)")
        let again = try cli.run(["mail", "ingest"], stdin: MailSamples.firstContact())
        #expect(again.status == 0, "a redelivery is accepted and changes nothing")
        try await withDesk(on: cli.dataDirectory) { (app: Application) async throws in
            let tickets = try await Ticket.query(on: app.db).all()
            #expect(tickets.map(\.subject) == ["Drucker zeigt Fehler E3 – bitte helfen"])
            #expect(try await InboundMail.query(on: app.db).count() == 1)
        }

        let garbage = try cli.run(["mail", "ingest"], stdin: "\u{0}\u{0}binary garbage")
        #expect(garbage.status == 65, "EX_DATAERR: retrying will not help")
        #expect(garbage.stderr.contains("not a mail message"))
    }

    @Test func theMailPipeAsksTheMTAToRetryWhenItCannotStore() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        let blocker = cli.dataDirectory + "/not-a-directory"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let result = try cli.run(["mail", "ingest"], environment: ["FRONTLINE_DATA_DIR": blocker + "/data"], stdin: MailSamples.firstContact())
        #expect(result.status == 75, "EX_TEMPFAIL: the MTA keeps the message and tries again")
        let misconfigured = try cli.run(["mail", "ingest"], environment: ["SMTP_URL": "ftp://nope"], stdin: MailSamples.firstContact())
        #expect(misconfigured.status == 75)
    }

    @Test func migrateSucceedsTwice() throws {
        let cli = try CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.run(["migrate"]).status == 0)
        #expect(try cli.run(["migrate"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.dataDirectory + "/frontline.sqlite"))
    }

    /// The app in-process on the CLI's SQLite data directory.
    private func withDesk(on directory: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, FrontlineConfig(dataDirectory: directory, database: .sqlite(path: directory + "/frontline.sqlite"), bcryptCost: 4, logLevel: "error"))
            try await app.autoMigrate()
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
