import Foundation
import FrontlineCore

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
    /// How long a request may wait for a database connection (either database's pool) before failing.
    public var databasePoolTimeoutSeconds: Int64 = 30
    /// PostgreSQL connections each event loop may open (so at most this × cores per instance).
    public var databaseConnectionsPerEventLoop = 4
    /// Seconds between the scheduler's looks for due work (promises, escalations, SLA clocks).
    public var schedulerInterval: Double
    /// The shared secret phone systems sign call events with; calls are off while unset.
    public var callsWebhookSecret: String?
    /// How soon a dropped call must be called back.
    public var droppedCallCallbackMinutes: Int
    /// How long before a promise's due time its owner is reminded.
    public var promiseReminderMinutes: Int
    /// An escalation's target when the escalating agent names none (wall-clock minutes).
    public var escalationTargetMinutes: Int
    /// The reverse proxies whose forwarding header names the client (`FRONTLINE_TRUSTED_PROXIES`);
    /// without them the connection's peer is the client.
    public var trustedProxies = TrustedProxies.none
    /// The bearer token `/metrics` asks for (`FRONTLINE_METRICS_TOKEN`); open while unset.
    public var metricsToken: String?

    public init(
        dataDirectory: String, database: Database, publicURL: String? = nil,
        bcryptCost: Int = 12, logLevel: String = "info", mail: MailSettings = MailSettings(), schedulerInterval: Double = 5,
        callsWebhookSecret: String? = nil, droppedCallCallbackMinutes: Int = 10, promiseReminderMinutes: Int = 15,
        escalationTargetMinutes: Int = 60
    ) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.publicURL = publicURL
        self.bcryptCost = bcryptCost
        self.logLevel = logLevel
        self.mail = mail
        self.schedulerInterval = schedulerInterval
        self.callsWebhookSecret = callsWebhookSecret
        self.droppedCallCallbackMinutes = droppedCallCallbackMinutes
        self.promiseReminderMinutes = promiseReminderMinutes
        self.escalationTargetMinutes = escalationTargetMinutes
    }

    var promiseReminderLead: TimeInterval { Double(promiseReminderMinutes) * 60 }
    var droppedCallWindow: TimeInterval { Double(droppedCallCallbackMinutes) * 60 }

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
        var schedulerInterval = 5.0
        if let raw = env["FRONTLINE_SCHEDULER_INTERVAL"] {
            if let seconds = Double(raw), seconds >= 0.1, seconds <= 3600 { schedulerInterval = seconds } else {
                problems.append("FRONTLINE_SCHEDULER_INTERVAL must be a number of seconds from 0.1 to 3600, not '\(raw)'")
            }
        }
        let callsWebhookSecret = env["CALLS_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        if let callsWebhookSecret, callsWebhookSecret.utf8.count < 16 {
            problems.append("CALLS_WEBHOOK_SECRET must be at least 16 characters long")
        }
        func minutes(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = env[name] else { return value }
            guard let minutes = Int(raw), range.contains(minutes) else {
                problems.append("\(name) must be a whole number of minutes from \(range.lowerBound) to \(range.upperBound), not '\(raw)'")
                return value
            }
            return minutes
        }
        let dropped = minutes("FRONTLINE_DROPPED_CALL_CALLBACK_MINUTES", default: 10, range: 1...10_080)
        let reminder = minutes("FRONTLINE_PROMISE_REMINDER_MINUTES", default: 15, range: 0...10_080)
        let escalation = minutes("FRONTLINE_ESCALATION_TARGET_MINUTES", default: 60, range: 1...525_600)
        // Mailed links (portal sign-in, desk links) must name the desk; a request's Host header
        // is written by whoever sends it, so it never stands in for the public address.
        if mail.smtp != nil, publicURL == nil {
            problems.append("FRONTLINE_PUBLIC_URL must be set when SMTP_URL is: mailed links need the desk's public address")
        }
        let trustedProxies = Self.readTrustedProxies(env, problems: &problems)
        let metricsToken = env["FRONTLINE_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.utf8.count < 16 {
            problems.append("FRONTLINE_METRICS_TOKEN must be at least 16 characters long")
        }

        guard problems.isEmpty else { throw Invalid(problems: problems) }
        var config = Self(
            dataDirectory: dataDirectory, database: database, publicURL: publicURL,
            bcryptCost: bcryptCost, logLevel: logLevel, mail: mail, schedulerInterval: schedulerInterval,
            callsWebhookSecret: callsWebhookSecret, droppedCallCallbackMinutes: dropped,
            promiseReminderMinutes: reminder, escalationTargetMinutes: escalation)
        config.trustedProxies = trustedProxies
        config.metricsToken = metricsToken
        return config
    }

    /// `FRONTLINE_TRUSTED_PROXIES` (comma-separated addresses and CIDR blocks) and
    /// `FRONTLINE_FORWARDED_HEADER` (which header those proxies write).
    private static func readTrustedProxies(_ env: [String: String], problems: inout [String]) -> TrustedProxies {
        var header = TrustedProxies.Header.xForwardedFor
        if let raw = env["FRONTLINE_FORWARDED_HEADER"], !raw.isEmpty {
            if let chosen = TrustedProxies.Header(rawValue: raw.lowercased()) { header = chosen } else {
                problems.append("FRONTLINE_FORWARDED_HEADER must be x-forwarded-for or forwarded, not '\(raw)'")
            }
        }
        let (proxies, invalid) = TrustedProxies.parse(env["FRONTLINE_TRUSTED_PROXIES"] ?? "", header: header)
        if !invalid.isEmpty {
            problems.append(
                "FRONTLINE_TRUSTED_PROXIES must list addresses or CIDR blocks such as 10.0.0.0/8 or fd00::/8, not "
                    + invalid.map { "'\($0)'" }.joined(separator: ", "))
        }
        return proxies
    }
}
