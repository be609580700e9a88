import ArgumentParser
import Fluent
import Vapor

/// `frontline serve`: runs the desk (migrating the database first).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Frontline server (the default).")

    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        let arguments = ["frontline", "serve", "--hostname", hostname, "--port", String(port)]
        try await AppRunner.withApp(arguments: arguments, rememberMailSettings: true, lockWait: .backingOff) { app in
            try await SetupController.announceIfNeeded(app, listeningOn: "http://\(hostname):\(port)")
            try await app.execute()
        }
    }
}

/// `frontline migrate`: brings the database schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the database schema up to date.")

    func run() async throws {
        try await AppRunner.withApp { app in
            app.logger.info("database schema is up to date")
        }
    }
}
