import Foundation

/// Parses RFC 5322 dates (§3.3) and the obsolete and broken forms mailers send:
/// missing weekday or seconds, two-digit years, zone names (GMT, EST, ...),
/// trailing comments like "(CEST)", "Jul 1 2003" order, and ISO 8601.
///
/// Hand-written rather than DateFormatter because it runs for every message and
/// must accept many shapes without trying a list of formats.
enum MailDate {
    static func parse(_ text: String) -> Date? {
        var tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        if let iso = parseISO(tokens) { return iso }
        var day: Int? = nil, month: Int? = nil, year: Int? = nil
        var time: (Int, Int, Int)? = nil
        var offsetSeconds = 0
        while !tokens.isEmpty {
            let token = tokens.removeFirst()
            if token.contains(":") {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let hour = parts[0], let minute = parts[1] else { continue }
                time = (hour, minute, parts.count > 2 ? (parts[2] ?? 0) : 0)
            } else if let first = token.first, first == "+" || first == "-", token.count >= 3, time != nil {
                offsetSeconds = numericOffset(token) ?? 0
            } else if let number = Int(token) {
                if day == nil && token.count <= 2 && (1...31).contains(number) {
                    day = number
                } else if year == nil {
                    year = number < 50 ? 2000 + number : (number < 1000 ? 1900 + number : number)
                }
            } else if let monthNumber = monthNumber(token) {
                month = monthNumber
            } else if let zone = zoneOffsets[token.uppercased()], time != nil {
                offsetSeconds = zone
            }
        }
        guard let day, let month, let year else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        guard hour < 24, minute < 60, second <= 60, (1...31).contains(day), year > 1900, year < 10_000 else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                        offsetSeconds: offsetSeconds)
    }

    private static func tokenize(_ text: String) -> [String] {
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            cleaned.append(character == "," ? " " : character)
        }
        return cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
    }

    private static func parseISO(_ tokens: [String]) -> Date? {
        let joined = tokens.joined(separator: "T")
        let utf8 = Array(joined.utf8)
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = Int(String(decoding: utf8[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: utf8[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: utf8[8..<10], as: UTF8.self)) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if utf8.count >= 16 {
            let time = String(decoding: utf8[11...], as: UTF8.self)
            let clock = time.prefix { $0.isNumber || $0 == ":" }.split(separator: ":").compactMap { Int($0) }
            if clock.count >= 2 { hour = clock[0]; minute = clock[1] }
            if clock.count >= 3 { second = clock[2] }
            if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                offset = numericOffset(String(time[sign...]).replacingOccurrences(of: ":", with: "")) ?? 0
            }
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                        offsetSeconds: offset)
    }

    private static func numericOffset(_ token: String) -> Int? {
        let sign = token.hasPrefix("-") ? -1 : 1
        let digits = token.dropFirst().prefix(4)
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let hours = value / 100, minutes = value % 100
        guard hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func monthNumber(_ token: String) -> Int? {
        let prefix = token.prefix(3).lowercased()
        return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .firstIndex(of: prefix).map { $0 + 1 }
    }

    private static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
        "CET": 3600, "CEST": 7200, "BST": 3600, "MSK": 3 * 3600, "JST": 9 * 3600,
    ]

    /// Days-from-civil (H. Hinnant): exact for the proleptic Gregorian calendar,
    /// with no Calendar object per message.
    private static func makeDate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetSeconds: Int
    ) -> Date {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
