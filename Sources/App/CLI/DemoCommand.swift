import ArgumentParser
import Foundation
import Vapor

/// `frontline demo`: loads the demo desk into an empty data directory.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load a realistic demo desk into an empty data directory.")

    func run() async throws {
        try await AppRunner.withApp { app in
            let summary: DemoDesk.Summary
            do {
                summary = try await DemoDesk(app: app, now: app.clock.now()).load()
            } catch let error as RequestError where error.status == .conflict {
                throw CLI.fail(CLI.dataError, error.reason)
            }
            print("""
                Loaded the demo desk: \(summary.users) staff, \(summary.customers) customers, \(summary.tickets) tickets.
                Sign in as \(DemoDesk.adminEmail) (or any demo user) with the password \(DemoDesk.password).
                """)
        }
    }
}
