import FrontlineMail
import Foundation

/// How Frontline sends and recognises mail, read from the environment at start.
public struct MailSettings: Sendable {
    /// Where outbound mail goes; without it mail stays queued and visible, never lost.
    public var smtp: SMTPConfiguration?
    /// The address replies are sent from and come back to (`MAIL_FROM`).
    public var from: MailAddress
    /// Every address that is us: mail from them is our own looping back.
    public var ourAddresses: Set<String>
    /// Whether new tickets from email get an automatic acknowledgement (`FRONTLINE_MAIL_ACK`).
    public var acknowledgeNewTickets: Bool
    /// How often the delivery worker looks for due mail.
    public var deliveryInterval: Duration
    /// The text of the automatic acknowledgement, with {{name}}, {{number}}, {{subject}}, {{team}}.
    public var acknowledgementTemplate = MailSettings.defaultAcknowledgement
    /// The settings the environment gave; the others come from what the server stored (see `MailSettingsStore`).
    var setByEnvironment: Set<Key> = []

    /// The settings the server shares with the mail pipe and every other command.
    enum Key: String, CaseIterable, Sendable {
        case from = "mail.from", addresses = "mail.addresses", acknowledge = "mail.acknowledge", template = "mail.acknowledgement_template"
    }

    /// The desk's addresses besides `from`.
    var extraAddresses: [String] { ourAddresses.subtracting([from.email.lowercased()]).sorted() }

    public init(
        smtp: SMTPConfiguration? = nil, from: MailAddress = MailAddress(name: "Frontline", email: "support@frontline.invalid"),
        extraAddresses: [String] = [], acknowledgeNewTickets: Bool = true, deliveryInterval: Duration = .seconds(2)
    ) {
        self.smtp = smtp
        self.from = from
        self.ourAddresses = Set(([from.email] + extraAddresses).map { $0.lowercased() })
        self.acknowledgeNewTickets = acknowledgeNewTickets
        self.deliveryInterval = deliveryInterval
    }

    /// Reads `SMTP_URL`, `MAIL_FROM`, `FRONTLINE_MAIL_ADDRESSES`, `FRONTLINE_MAIL_ACK`, adding any problem to `problems`.
    static func fromEnvironment(_ env: [String: String], problems: inout [String]) -> MailSettings {
        var settings = MailSettings()
        if let url = env["SMTP_URL"], !url.isEmpty {
            do { settings.smtp = try SMTPConfiguration(url: url) } catch {
                problems.append("SMTP_URL is not a valid smtp:// or smtps:// URL: \(error)")
            }
        }
        if let raw = env["MAIL_FROM"], !raw.isEmpty {
            if let address = MailAddress.parseList(raw).first, address.email.contains("@") {
                settings.from = address
                settings.setByEnvironment.insert(.from)
            } else {
                problems.append("MAIL_FROM must be an address such as 'Support <support@example.com>', not '\(raw)'")
            }
        }
        let extra = (env["FRONTLINE_MAIL_ADDRESSES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        settings.ourAddresses = Set(([settings.from.email] + extra).map { $0.lowercased() })
        if env["FRONTLINE_MAIL_ADDRESSES"] != nil { settings.setByEnvironment.insert(.addresses) }
        if env["FRONTLINE_MAIL_ACK"]?.isEmpty == false { settings.setByEnvironment.insert(.acknowledge) }
        switch env["FRONTLINE_MAIL_ACK"]?.lowercased() {
        case nil, "", "on", "true", "1": settings.acknowledgeNewTickets = true
        case "off", "false", "0": settings.acknowledgeNewTickets = false
        case let other?: problems.append("FRONTLINE_MAIL_ACK must be on or off, not '\(other)'")
        }
        if let path = env["FRONTLINE_MAIL_ACK_TEMPLATE"], !path.isEmpty {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                settings.acknowledgementTemplate = text
                settings.setByEnvironment.insert(.template)
            } else {
                problems.append("FRONTLINE_MAIL_ACK_TEMPLATE names a file that cannot be read: \(path)")
            }
        }
        return settings
    }

    /// The domain of our Message-IDs.
    var messageIDDomain: String { from.domain }
}
