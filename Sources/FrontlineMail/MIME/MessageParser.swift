import Foundation

/// Parses RFC 5322 / MIME messages into `ParsedMessage`.
///
/// Throws only when the input is not a mail message at all; every other defect
/// (broken boundaries, bad encodings, unknown charsets) degrades to the best
/// reading, because a help desk must never lose what a customer sent.
public enum MessageParser {
    public static func parse(_ raw: [UInt8]) throws(MailParseError) -> ParsedMessage {
        guard raw.contains(where: { !Bytes.isBlank($0) }) else { throw .empty }
        let block = HeaderBlock.parse(raw[...])
        guard !block.headers.isEmpty else { throw .noHeaderBlock }
        var builder = MIMETreeBuilder()
        let root = builder.build(headers: block.headers, body: raw[block.bodyStart...])
        return MessageAssembler.message(from: root)
    }

    public static func parse(_ raw: Data) throws(MailParseError) -> ParsedMessage {
        try parse([UInt8](raw))
    }

    public static func parse(_ raw: String) throws(MailParseError) -> ParsedMessage {
        try parse(Array(raw.utf8))
    }
}
