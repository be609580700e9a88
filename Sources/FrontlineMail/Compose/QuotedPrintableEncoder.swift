/// Quoted-printable encoding of UTF-8 text bodies (RFC 2045 §6.7): 7-bit safe,
/// lines of at most 76 characters, CRLF line breaks, no escape split by a soft break.
enum QuotedPrintableEncoder {
    static let maximumLineLength = 76

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        let lines = Bytes.normalisingLineEndings(text).utf8.split(separator: Bytes.lf, omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 { out += [Bytes.cr, Bytes.lf] }
            var column = 0
            let bytes = Array(line)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let encoded = encodedForm(byte, isLastInLine: isLast, isFirstInLine: column == 0)
                // Leave room for "=" soft break unless this is the last byte.
                let limit = isLast ? maximumLineLength : maximumLineLength - 1
                if column + encoded.count > limit {
                    out += [UInt8(ascii: "="), Bytes.cr, Bytes.lf]
                    column = 0
                }
                let final = column == 0 ? encodedForm(byte, isLastInLine: isLast, isFirstInLine: true) : encoded
                out += final
                column += final.count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Trailing blanks are escaped (transports strip them), and so is a leading
    /// "." (a lone dot ends SMTP DATA) and a leading "F" of "From " (mbox mangling).
    private static func encodedForm(_ byte: UInt8, isLastInLine: Bool, isFirstInLine: Bool) -> [UInt8] {
        let needsEscape: Bool
        switch byte {
        case UInt8(ascii: "="): needsEscape = true
        case Bytes.space, Bytes.tab: needsEscape = isLastInLine
        case UInt8(ascii: "."), UInt8(ascii: "F"): needsEscape = isFirstInLine
        case 33...126: needsEscape = false
        default: needsEscape = true
        }
        guard needsEscape else { return [byte] }
        return [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
    }
}
