/// A structured header value with parameters, as in Content-Type and
/// Content-Disposition: `multipart/mixed; boundary="x"`.
///
/// Parameter values are fully decoded: RFC 2231 continuations and
/// `charset'lang'percent-encoded` values, and the RFC 2047 encoded words that
/// Outlook and Gmail put in quoted filenames even though RFC 2047 §5 forbids it.
struct ParameterizedValue: Sendable {
    /// The main value, lowercased ("text/plain", "attachment").
    var value: String
    /// Parameters by lowercased name.
    var parameters: [String: String]

    subscript(parameter name: String) -> String? {
        parameters[name]
    }

    static func parse(_ raw: String) -> ParameterizedValue {
        let bytes = Array(raw.utf8)
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        let value = String(decoding: Bytes.trimmed(bytes[0..<index]), as: UTF8.self).lowercased()
        var segments: [String: [Segment]] = [:]
        var plain: [String: String] = [:]
        while index < bytes.count {
            index += 1  // the ";"
            guard let (name, rawValue, next) = parseParameter(bytes, from: index) else { break }
            index = next
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let suffix = name[name.index(after: star)...]
                let encoded = suffix.hasSuffix("*") || suffix.isEmpty
                let number = Int(suffix.filter(\.isNumber)) ?? 0
                segments[base, default: []].append(Segment(number: number, encoded: encoded, value: rawValue))
            } else if plain[name] == nil {
                plain[name] = rawValue
            }
        }
        var parameters = plain.mapValues { EncodedWord.decode($0) }
        for (name, parts) in segments {
            // RFC 2231 wins over a plain duplicate: the plain one is the legacy fallback.
            parameters[name] = assemble(parts.sorted { $0.number < $1.number })
        }
        return ParameterizedValue(value: value, parameters: parameters)
    }

    private struct Segment {
        var number: Int
        var encoded: Bool
        var value: String
    }

    private static func assemble(_ segments: [Segment]) -> String {
        var bytes: [UInt8] = []
        var charset: String? = nil
        for (position, segment) in segments.enumerated() {
            var value = Substring(segment.value)
            if segment.encoded && position == 0 {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = String(pieces[0])
                    value = pieces[2]
                }
            }
            bytes.append(contentsOf: segment.encoded ? percentDecoded(value) : Array(value.utf8))
        }
        return Charset.decode(bytes, charset: charset?.isEmpty == false ? charset : "utf-8")
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = TransferEncoding.hexValue(utf8[index + 1]),
               let low = TransferEncoding.hexValue(utf8[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }

    /// One `name=value` pair; unquoted values run to the next ";" so that
    /// `filename=my report.pdf` keeps its spaces.
    private static func parseParameter(_ bytes: [UInt8], from start: Int) -> (String, String, Int)? {
        var index = start
        while index < bytes.count, Bytes.isBlank(bytes[index]) || bytes[index] == UInt8(ascii: ";") { index += 1 }
        let nameStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return index < bytes.count ? ("", "", index) : nil
        }
        let name = String(decoding: Bytes.trimmed(bytes[nameStart..<index]), as: UTF8.self).lowercased()
        index += 1
        while index < bytes.count, bytes[index] == Bytes.space || bytes[index] == Bytes.tab { index += 1 }
        var value: [UInt8] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                // A backslash before a quote or backslash escapes it; Windows paths
                // with single backslashes are kept as they are.
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                   bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") {
                    index += 1
                }
                value.append(bytes[index])
                index += 1
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        } else {
            let valueStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            value = Array(Bytes.trimmed(bytes[valueStart..<index]))
        }
        return (name, String(decoding: value, as: UTF8.self), index)
    }
}
