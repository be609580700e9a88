/// Prepares a message for the DATA command (RFC 5321 §4.5.2): CRLF line
/// endings everywhere, a leading "." doubled on every line, a final CRLF, and
/// the terminating ".".
enum SMTPDataEncoder {
    static func encode(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            if atLineStart && byte == UInt8(ascii: ".") {
                out.append(UInt8(ascii: "."))
            }
            switch byte {
            case Bytes.cr:
                out += [Bytes.cr, Bytes.lf]
                if index + 1 < message.count && message[index + 1] == Bytes.lf { index += 1 }
                atLineStart = true
            case Bytes.lf:
                out += [Bytes.cr, Bytes.lf]
                atLineStart = true
            default:
                out.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart {
            out += [Bytes.cr, Bytes.lf]
        }
        out += [UInt8(ascii: "."), Bytes.cr, Bytes.lf]
        return out
    }

    /// True when the message has bytes above 127 and needs BODY=8BITMIME.
    static func needsEightBit(_ message: [UInt8]) -> Bool {
        message.contains { $0 >= 0x80 }
    }
}
