import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Turns bytes labelled with a MIME charset name into text.
///
/// Never fails: unknown labels and undecodable bytes degrade to U+FFFD, because
/// an agent seeing a few replacement characters beats a message that is dropped.
enum Charset {
    static func decode<Bytes: Collection>(_ bytes: Bytes, charset label: String?) -> String
    where Bytes.Element == UInt8 {
        let key = normalisedKey(label ?? "")
        // ISO-2022 and UTF-7 are 7-bit encodings of non-ASCII text: no shortcut for them.
        if isASCII(bytes) && !key.contains("2022") && !key.hasPrefix("utf7") {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch key {
        case "utf8", "utf8mb4", "unicode11utf8", "xunicode20utf8":
            return String(decoding: bytes, as: UTF8.self)
        case "", "usascii", "ascii", "unknown8bit", "xunknown", "unknown", "default", "8bit":
            // Unlabelled 8-bit text: modern senders mean UTF-8, old ones cp1252.
            return decodeGuessing(bytes)
        default:
            break
        }
        if let table = SingleByteCharset.named(key) {
            return table.decode(bytes)
        }
        if let encoding = platformEncoding(for: label ?? "", key: key) {
            return decodeWithPlatform(Array(bytes), encoding: encoding)
        }
        return decodeGuessing(bytes)
    }

    /// UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252.
    static func decodeGuessing<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return SingleByteCharset.windows1252.decode(bytes)
    }

    static func isASCII<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        for byte in bytes where byte >= 0x80 {
            return false
        }
        return true
    }

    /// "ISO_8859-1:1987" → "iso885911987" would be wrong, so a year suffix is cut first.
    static func normalisedKey(_ label: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(label.utf8.count)
        for byte in label.utf8 {
            if byte == UInt8(ascii: ":") { break }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
            default: continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    private static func platformEncoding(for label: String, key: String) -> String.Encoding? {
        switch key {
        case "shiftjis", "sjis", "xsjis", "mskanji", "windows31j", "cp932": return .shiftJIS
        case "eucjp", "xeucjp": return .japaneseEUC
        case "iso2022jp", "csiso2022jp": return .iso2022JP
        case "utf16": return .utf16
        case "utf16le": return .utf16LittleEndian
        case "utf16be": return .utf16BigEndian
        case "utf32": return .utf32
        default: break
        }
        #if canImport(CoreFoundation)
        let name = label.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t"))
        guard let cfName = CFStringCreateWithCString(nil, name, CFStringBuiltInEncodings.UTF8.rawValue) else {
            return nil
        }
        let cfEncoding = CFStringConvertIANACharSetNameToEncoding(cfName)
        guard cfEncoding != kCFStringEncodingInvalidId else { return nil }
        return String.Encoding(rawValue: UInt(CFStringConvertEncodingToNSStringEncoding(cfEncoding)))
        #else
        return nil
        #endif
    }

    /// Platform decoders reject a whole buffer over one bad byte; retrying line by
    /// line keeps every good line and marks only the damaged ones.
    private static func decodeWithPlatform(_ bytes: [UInt8], encoding: String.Encoding) -> String {
        if let text = String(bytes: bytes, encoding: encoding) {
            return text
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return lines.map { String(bytes: $0, encoding: encoding) ?? String(decoding: $0, as: UTF8.self) }
            .joined(separator: "\n")
    }
}
