import Foundation

/// Everything Frontline reads from its environment, read once at start.
/// A misconfiguration fails at start, naming every bad setting at once.
public struct FrontlineConfig: Sendable {
    /// Which database the desk runs on.
    public enum Database: Sendable, Equatable {
        /// A SQLite file under the data directory (the zero-set-up default).
        case sqlite(path: String)
        /// A PostgreSQL server, for teams that outgrow one machine.
        case postgres(url: String)
    }

    public var dataDirectory: String
    public var database: Database
    /// The address people reach the desk at, used in links (setup, portal, mail).
    public var publicURL: String?
    /// Bcrypt cost for passwords; tests lower it, production keeps the default.
    public var bcryptCost: Int
    public var logLevel: String
    public var mail: MailSettings

    public init(
        dataDirectory: String, database: Database, publicURL: String? = nil,
        bcryptCost: Int = 12, logLevel: String = "info", mail: MailSettings = MailSettings()
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.publicURL = publicURL
        self.bcryptCost = bcryptCost
        self.logLevel = logLevel
        self.mail = mail
    }

    /// A settings problem found at start.
    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "invalid configuration: " + problems.joined(separator: "; ") }
    }

    /// Reads the configuration from environment variables.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Self {
        var problems: [String] = []
        let dataDirectory = env["FRONTLINE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./frontline-data"

        var database = Database.sqlite(path: dataDirectory + "/frontline.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else if url.hasPrefix("sqlite://") {
                database = .sqlite(path: String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append("DATABASE_URL must start with postgres://, postgresql:// or sqlite://")
            }
        }

        var bcryptCost = 12
        if let raw = env["FRONTLINE_BCRYPT_COST"] {
            if let cost = Int(raw), (4...31).contains(cost) { bcryptCost = cost } else {
                problems.append("FRONTLINE_BCRYPT_COST must be a whole number from 4 to 31, not '\(raw)'")
            }
        }

        let publicURL = env["FRONTLINE_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let publicURL, URL(string: publicURL)?.scheme?.hasPrefix("http") != true {
            problems.append("FRONTLINE_PUBLIC_URL must be an http(s) URL, not '\(publicURL)'")
        }

        let logLevel = env["LOG_LEVEL"] ?? "info"
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        if !levels.contains(logLevel) {
            problems.append("LOG_LEVEL must be one of \(levels.joined(separator: ", ")), not '\(logLevel)'")
        }

        let mail = MailSettings.fromEnvironment(env, problems: &problems)

        guard problems.isEmpty else { throw Invalid(problems: problems) }
        return Self(
            dataDirectory: dataDirectory, database: database, publicURL: publicURL,
            bcryptCost: bcryptCost, logLevel: logLevel, mail: mail)
    }
}
