/// An 8-bit charset decoded through a 128-entry table for its upper half.
///
/// Every byte maps to exactly one scalar, so decoding cannot fail: bytes the
/// charset leaves undefined become U+FFFD.
struct SingleByteCharset: Sendable {
    let upperHalf: [UInt16]

    func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                appendUTF8(UInt32(upperHalf[Int(byte) - 0x80]), to: &utf8)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Table lookup by a normalised charset name (lowercase, no punctuation).
    static func named(_ key: String) -> SingleByteCharset? {
        switch key {
        // WHATWG practice: mail labelled Latin-1 or ASCII is nearly always cp1252.
        case "iso88591", "latin1", "l1", "ascii", "usascii", "ansix341968", "us", "iso646us", "cp819", "ibm819",
             "windows1252", "cp1252", "xcp1252", "ms1252":
            return .windows1252
        case "iso88592", "latin2", "l2": return .iso88592
        case "iso88593", "latin3": return .iso88593
        case "iso88594", "latin4": return .iso88594
        case "iso88595", "cyrillic": return .iso88595
        case "iso88596", "arabic": return .iso88596
        case "iso88597", "greek": return .iso88597
        case "iso88598", "iso88598i", "hebrew": return .iso88598
        case "iso88599", "latin5": return .iso88599
        case "iso885910", "latin6": return .iso885910
        case "iso885911", "tis620", "windows874", "cp874": return .iso885911
        case "iso885913", "latin7": return .iso885913
        case "iso885914", "latin8": return .iso885914
        case "iso885915", "latin9", "latin0": return .iso885915
        case "iso885916", "latin10": return .iso885916
        case "windows1250", "cp1250", "xcp1250": return .windows1250
        case "windows1251", "cp1251", "xcp1251": return .windows1251
        case "windows1253", "cp1253": return .windows1253
        case "windows1254", "cp1254": return .windows1254
        case "windows1255", "cp1255": return .windows1255
        case "windows1256", "cp1256": return .windows1256
        case "windows1257", "cp1257": return .windows1257
        case "windows1258", "cp1258": return .windows1258
        case "koi8r", "koi8": return .koi8R
        case "koi8u", "koi8ru": return .koi8U
        case "ibm866", "cp866", "866": return .ibm866
        case "macintosh", "macroman", "xmacroman", "mac": return .macintosh
        default: return nil
        }
    }
}

/// Appends one scalar as UTF-8; shared by every decoder that builds bytes by hand.
@inline(__always)
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}
