import Foundation

/// Rules for the email addresses people and customers are known by.
enum EmailAddress {
    /// The form addresses are compared in: trimmed and lowercased.
    static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check: one @, something on each side, a dot in the domain, no spaces,
    /// at most 254 characters. Mail servers have the final word; this catches typing mistakes.
    static func isValid(_ email: String) -> Bool {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 254, !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            return false
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return true
    }

    /// The check for an address taken from mail (a sender, someone copied): what mail servers
    /// deliver to, so a domain without a dot (an intranet host, `localhost`) is fine; the typed
    /// check above stays stricter to catch typing mistakes.
    static func isMailbox(_ email: String) -> Bool {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 254, !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            return false
        }
        guard let at = trimmed.lastIndex(of: "@") else { return false }
        let local = trimmed[..<at]
        let domain = trimmed[trimmed.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        return domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "[" || $0 == "]" || $0 == ":" }
        }
    }
}
