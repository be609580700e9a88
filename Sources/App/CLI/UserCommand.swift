import ArgumentParser
import Fluent
import FrontlineCore
import Foundation
import Vapor

/// `frontline user create`: makes a staff account from the shell.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff account.")

        @ArgumentParser.Option(help: "The user's email address.") var email: String
        @ArgumentParser.Option(help: "The user's name.") var name: String
        @ArgumentParser.Option(help: "admin, manager, lead or agent.") var role: String
        @ArgumentParser.Option(help: "The password; prompted for when omitted and stdin is a terminal.") var password: String?

        func validate() throws {
            guard UserRole(rawValue: role) != nil else { throw ValidationError("--role must be admin, manager, lead or agent") }
            guard EmailAddress.isValid(email) else { throw ValidationError("--email '\(email)' is not an email address") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            if let password, !StaffDirectory.passwordBytes.contains(password.utf8.count) {
                throw ValidationError("--password must be 8 to 72 bytes long")
            }
        }

        func run() async throws {
            let role = UserRole(rawValue: role) ?? .agent
            let password = try password ?? Self.promptForPassword()
            try await AppRunner.withApp { app in
                let hash = try password.map { try app.password.hash($0) }
                do {
                    let user = try await app.write { db in
                        let now = app.clock.now()
                        let user = try await StaffDirectory.create(email: email, name: name, role: role, passwordHash: hash, on: db, at: now)
                        try await AuditLog.record(
                            .userCreated, by: .commandLine, subject: "user", id: user.id?.uuidString, after: AuditSnapshot.User(user), at: now, on: db)
                        return user
                    }
                    print("created \(role.rawValue) \(user.email) (\(try user.requireID()))")
                    if hash == nil {
                        print("no password set: sign in with a token from `frontline token create --email \(user.email)`")
                    }
                } catch let error as RequestError where error.status == .conflict {
                    throw CLI.fail(CLI.dataError, error.reason)
                }
            }
        }

        /// Asks for the password without echo when a person is at the terminal; otherwise none is set.
        private static func promptForPassword() throws -> String? {
            guard isatty(STDIN_FILENO) == 1 else { return nil }
            guard let first = getpass("Password: ").map({ String(cString: $0) }),
                let second = getpass("Repeat password: ").map({ String(cString: $0) })
            else { throw CLI.fail(CLI.usage, "could not read the password") }
            guard first == second else { throw CLI.fail(CLI.usage, "the passwords do not match") }
            guard StaffDirectory.passwordBytes.contains(first.utf8.count) else {
                throw CLI.fail(CLI.usage, "the password must be 8 to 72 bytes long")
            }
            return first
        }
    }
}

/// `frontline token create`: prints a new API token for a user or customer, alone on stdout.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token; it is shown once.")

        @ArgumentParser.Option(help: "The email of the user or customer the token acts for.") var email: String
        @ArgumentParser.Option(help: "A label to recognise the token by.") var label = "cli"

        func run() async throws {
            try await AppRunner.withApp { app in
                let normalized = EmailAddress.normalized(email)
                let (token, hash) = APIToken.generate()
                let found = try await app.write { [label] db -> Bool in
                    let now = app.clock.now()
                    if let user = try await User.query(on: db).filter(\.$emailNormalized == normalized).first(), user.active {
                        let token = APIToken(tokenHash: hash, label: label, userId: user.id, customerId: nil, at: now)
                        try await token.create(on: db)
                        try await AuditLog.record(
                            .tokenCreated, by: .commandLine, subject: "token", id: token.id?.uuidString, after: AuditSnapshot.Token(token), at: now, on: db)
                        return true
                    }
                    if let customer = try await CustomerDirectory.find(email: normalized, on: db) {
                        try await APIToken(tokenHash: hash, label: label, userId: nil, customerId: customer.id, at: now).create(on: db)
                        return true
                    }
                    return false
                }
                guard found else { throw CLI.fail(CLI.noUser, "no active user or customer has email \(normalized)") }
                print(token)
            }
        }
    }
}
