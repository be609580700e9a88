/// A mailbox: an optional display name and an address.
///
/// `email` is stored lowercased so that two spellings of a customer's address
/// find the same customer; the display name keeps its case.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var name: String?
    public var email: String

    public init(name: String? = nil, email: String) {
        let trimmedName = name?.trimmingBlanks()
        self.name = trimmedName?.isEmpty == false ? trimmedName : nil
        self.email = email.trimmingBlanks().lowercased()
    }

    /// The part after the last "@", empty when there is none.
    public var domain: String {
        guard let at = email.lastIndex(of: "@") else { return "" }
        return String(email[email.index(after: at)...])
    }

    /// The part before the last "@".
    public var localPart: String {
        guard let at = email.lastIndex(of: "@") else { return email }
        return String(email[..<at])
    }

    public var description: String {
        guard let name else { return "<\(email)>" }
        return "\(name) <\(email)>"
    }

    /// Parses an address-list header value; see `AddressListParser`.
    public static func parseList(_ value: String) -> [MailAddress] {
        AddressListParser.parse(value)
    }
}
