/// One header field as it appeared in the message, unfolded.
///
/// `rawValue` keeps the text as sent (encoded words intact) for audit and
/// re-parsing; `value` is what a person should read.
public struct MailHeader: Sendable, Hashable {
    /// The field name with its original spelling; compare with `is(_:)`.
    public let name: String
    /// The unfolded value with RFC 2047 encoded words left as they were.
    public let rawValue: String
    /// The value with encoded words decoded.
    public let value: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
        self.value = EncodedWord.decode(rawValue)
    }

    /// Header names are case-insensitive (RFC 5322 §1.2.2).
    public func `is`(_ otherName: String) -> Bool {
        // Byte comparison: this runs for every lookup, and field names are ASCII.
        guard name.utf8.count == otherName.utf8.count else { return false }
        return zip(name.utf8, otherName.utf8).allSatisfy { Bytes.lowercased($0) == Bytes.lowercased($1) }
    }
}

extension Array where Element == MailHeader {
    /// The first field with that name; the first wins because later copies are
    /// usually added by relays and list servers, not by the author.
    public func first(named name: String) -> MailHeader? {
        first { $0.is(name) }
    }

    /// Every field with that name in order, for headers that may repeat.
    public func all(named name: String) -> [MailHeader] {
        filter { $0.is(name) }
    }
}
