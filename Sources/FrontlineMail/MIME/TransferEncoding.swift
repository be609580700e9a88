/// Content-Transfer-Encoding decoders (RFC 2045 §6), tolerant of what real
/// mailers send: bad padding, stray characters, lowercase hex, bare LF.
enum TransferEncoding {
    static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding {
        case "base64": return decodeBase64(body)
        case "quoted-printable": return decodeQuotedPrintable(body)
        default: return Array(body)
        }
    }

    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        // URL-safe letters appear in mail produced by careless web forms.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Skips anything outside the alphabet and decodes a short final group as far
    /// as it goes, so truncated attachments keep every complete byte.
    static func decodeBase64<Bytes: Collection>(_ text: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        base64Values.withUnsafeBufferPointer { table in
            for byte in text {
                let value = table[Int(byte)]
                if value == 0xFF { continue }
                accumulator = accumulator << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    out.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    count = 0
                }
            }
        }
        if count == 2 {
            out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        } else if count == 3 {
            out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        }
        return out
    }

    /// Soft line breaks ("=" at line end, even with trailing blanks) are removed;
    /// an "=" not followed by two hex digits is kept as it stands (RFC 2045 §6.7 note 1).
    static func decodeQuotedPrintable(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        let end = text.endIndex
        while index < end {
            let byte = text[index]
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            if index + 2 < end, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            var probe = index + 1
            while probe < end, text[probe] == Bytes.space || text[probe] == Bytes.tab { probe += 1 }
            if probe == end {
                index = end
            } else if text[probe] == Bytes.lf {
                index = probe + 1
            } else if text[probe] == Bytes.cr {
                index = probe + 1 < end && text[probe + 1] == Bytes.lf ? probe + 2 : probe + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
