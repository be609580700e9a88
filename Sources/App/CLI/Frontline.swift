import ArgumentParser
import Foundation

/// The `frontline` command: the server and its administration.
public struct Frontline: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Frontline, the self-hosted help desk.",
        subcommands: [ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, DemoCommand.self, MailCommand.self, BackupCommand.self, RestoreCommand.self],
        defaultSubcommand: ServeCommand.self)

    public init() {}

    /// Parses the arguments and runs the command. Bad arguments print one line and exit 64
    /// (EX_USAGE); commands exit with the sysexits code of what went wrong.
    public static func runFromCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let reason = message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            CLI.printError("\(reason) (see `frontline help`)")
            Foundation.exit(code.rawValue)
        }
    }
}

/// Exit codes from sysexits.h, which mail transfer agents and scripts understand.
enum CLI {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noUser: Int32 = 67
    static let cantCreate: Int32 = 73
    static let tempFail: Int32 = 75
    static let ioError: Int32 = 74
    static let configError: Int32 = 78

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("frontline: \(message)\n".utf8))
    }

    /// Prints the reason and gives the exit code to throw.
    static func fail(_ code: Int32, _ message: String) -> ExitCode {
        printError(message)
        return ExitCode(code)
    }
}
