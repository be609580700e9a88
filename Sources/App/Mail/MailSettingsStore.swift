import Fluent
import FrontlineMail
import Foundation

/// One source of mail settings for the server and the mail pipe. The server stores the settings its
/// environment gives (`MAIL_FROM`, `FRONTLINE_MAIL_ADDRESSES`, `FRONTLINE_MAIL_ACK`, the
/// acknowledgement text) in the database; every command, `frontline mail ingest` under an MTA's
/// minimal environment above all, takes the stored ones for whatever its own environment does not
/// set. So a bare pipe knows the desk's own addresses, and never mistakes them for a customer.
/// (`SMTP_URL` is not stored: it holds a password, and only the server sends mail.)
enum MailSettingsStore {
    /// Stores what the environment set, leaving the other stored settings as they were.
    static func remember(_ settings: MailSettings, on db: any Database, at now: Date) async throws {
        for key in settings.setByEnvironment {
            try await DeskSetting.set(key.rawValue, to: value(of: key, in: settings), on: db, at: now)
        }
    }

    /// `settings` with every setting its environment left unset taken from the stored ones.
    static func completing(_ settings: MailSettings, on db: any Database) async throws -> MailSettings {
        var result = settings
        let keys = MailSettings.Key.allCases.filter { !settings.setByEnvironment.contains($0) }
        let stored = try await DeskSetting.query(on: db).filter(\.$id ~~ keys.map(\.rawValue)).all()
        var extra = settings.extraAddresses
        for row in stored {
            switch MailSettings.Key(rawValue: row.id ?? "") {
            case .from?: if let address = MailAddress.parseList(row.value).first, address.email.contains("@") { result.from = address }
            case .addresses?: extra = row.value.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
            case .acknowledge?: result.acknowledgeNewTickets = row.value != "off"
            case .template?: result.acknowledgementTemplate = row.value
            case nil: break
            }
        }
        result.ourAddresses = Set(([result.from.email] + extra).map { $0.lowercased() })
        return result
    }

    private static func value(of key: MailSettings.Key, in settings: MailSettings) -> String {
        switch key {
        case .from: settings.from.description
        case .addresses: settings.extraAddresses.joined(separator: ",")
        case .acknowledge: settings.acknowledgeNewTickets ? "on" : "off"
        case .template: settings.acknowledgementTemplate
        }
    }
}
