/// Why input could not be read as a mail message at all.
///
/// Only input with no header block throws; anything that looks like mail is
/// parsed as far as it goes. The CLI maps every case to exit code 65 (EX_DATAERR).
public enum MailParseError: Error, Sendable, Hashable {
    /// Zero bytes, or only blank lines.
    case empty
    /// The input does not start with header fields (binary data, plain text).
    case noHeaderBlock
}
