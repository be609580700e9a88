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
        guard trimmed.unicodeScalars.count <= 254, !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
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

extension EmailAddress {
    /// The form the OpenAPI document promises (`idn-email`): a dot-atom local part of RFC 5322
    /// characters or any non-ASCII letter, digit or mark (RFC 6531 allows UTF-8 there), and a
    /// domain of dot-separated labels of ASCII letters, digits and inner hyphens (IDNs in their
    /// `xn--` form). Stricter than `isValid`, which also has to read what arrives by mail: the API
    /// takes only addresses its own document can describe.
    static func hasDocumentedForm(_ email: String) -> Bool {
        guard isValid(email) else { return false }
        let parts = email.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "@", omittingEmptySubsequences: false)
        let local = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard parts[0].unicodeScalars.count <= 64, local.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isLocalCharacter) }) else {
            return false
        }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        }
    }

    private static let atext = CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~")

    private static func isLocalCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return CharacterSet.alphanumerics.contains(scalar) || atext.contains(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .spacingMark
    }
}
