/// The ticket tag in subjects, "[#1042]", that threads replies whose headers
/// were lost (forwarded from a phone, pasted into a new message).
public enum SubjectTag {
    /// The ticket number of the first well-formed tag anywhere in the subject,
    /// so "Re: Fwd: [#1042] Printer" and "AW: Printer [ #1042 ]" both match.
    public static func extractTicketNumber(from subject: String) -> Int? {
        let bytes = Array(subject.utf8)
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "[") else { continue }
            var probe = index + 1
            while probe < bytes.count, bytes[probe] == Bytes.space { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "#") else { continue }
            probe += 1
            while probe < bytes.count, bytes[probe] == Bytes.space { probe += 1 }
            let digitsStart = probe
            while probe < bytes.count, bytes[probe] >= 48, bytes[probe] <= 57, probe - digitsStart < 12 { probe += 1 }
            guard probe > digitsStart, let number = Int(String(decoding: bytes[digitsStart..<probe], as: UTF8.self))
            else { continue }
            while probe < bytes.count, bytes[probe] == Bytes.space { probe += 1 }
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "]") {
                return number
            }
        }
        return nil
    }

    /// The subject with "[#number]" in front, unless that ticket's tag is
    /// already there; a different ticket's tag is replaced, not stacked.
    public static func tagged(_ subject: String, number: Int) -> String {
        let tag = "[#\(number)]"
        if extractTicketNumber(from: subject) == number {
            return subject
        }
        let withoutOtherTag = removingTags(from: subject)
        return withoutOtherTag.isEmpty ? tag : tag + " " + withoutOtherTag
    }

    /// The subject without any "[#n]" tags and without reply/forward prefixes:
    /// what a new ticket should be titled.
    public static func cleanSubject(_ subject: String) -> String {
        var text = removingTags(from: subject)
        while let prefixEnd = replyPrefixEnd(text) {
            text = String(text[prefixEnd...]).trimmingBlanks()
        }
        return text
    }

    private static func removingTags(from subject: String) -> String {
        var text = subject
        while extractTicketNumber(from: text) != nil,
              let open = text.range(of: "["), let close = text[open.upperBound...].firstIndex(of: "]") {
            // Remove only the first bracket pair that is a tag; others ("[EXTERNAL]") stay.
            let candidate = String(text[open.lowerBound...close])
            if extractTicketNumber(from: candidate) != nil {
                text.removeSubrange(open.lowerBound...close)
            } else {
                break
            }
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// "Re:", "RE :", "Fwd:", "Fw:", "AW:", "WG:", "SV:", "Antw:", "Réf:" and "Re[2]:".
    private static func replyPrefixEnd(_ text: String) -> String.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        var word = text[..<colon].trimmingCharacters(in: " ").lowercased()
        if let bracket = word.firstIndex(of: "[") { word = String(word[..<bracket]) }
        let prefixes: Set<String> = ["re", "fwd", "fw", "aw", "wg", "sv", "vs", "antw", "tr", "rv", "réf", "ref", "odp", "enc"]
        return prefixes.contains(word) ? text.index(after: colon) : nil
    }
}

private extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        String(self).strippingCharacters(characters)
    }
}
