import Foundation
import Vapor

/// Checks what people type into the people features, naming the field each rule is about.
enum PeopleInput {
    /// Trimmed text of 1 to `max` characters.
    static func text(_ raw: String?, field: String, max: Int = 200) throws -> String {
        guard let raw else { throw RequestError(.unprocessableEntity, "missing_field", "\(field) is required", field: field) }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...max).contains(text.unicodeScalars.count) else {
            throw PeopleError.invalid(field: field, reason: "\(field) must be 1 to \(max) characters")
        }
        return text
    }

    /// Optional trimmed text: nil or blank stays nil.
    static func optionalText(_ raw: String?, field: String, max: Int = 10_000) throws -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try text(raw, field: field, max: max)
    }

    /// Whole minutes from 1 to `max`.
    static func minutes(_ value: Int?, field: String = "minutes", max: Int = 1440) throws -> Int {
        guard let value else { throw RequestError(.unprocessableEntity, "missing_field", "\(field) is required", field: field) }
        guard (1...max).contains(value) else {
            throw PeopleError.invalid(field: field, reason: "\(field) must be a whole number of minutes from 1 to \(max)")
        }
        return value
    }

    /// A UUID query parameter, or nil when absent or blank (a form's "any" choice); 422 when malformed.
    static func uuidQuery(_ req: Request, _ name: String) throws -> UUID? {
        guard let raw = try? req.query.get(String.self, at: name), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw PeopleError.invalid(field: name, reason: "\(name) must be a UUID") }
        return id
    }
}

/// Calendar days (`yyyy-MM-dd`) as the people features store them: duty occurrences, coaching
/// sessions and career moves happen on a day, not at an instant. Days are UTC days, so a report
/// reads the same wherever it is run; text order is date order.
enum Days {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()

    /// The day text, refusing anything that is not a real `yyyy-MM-dd` date.
    static func parse(_ raw: String?, field: String) throws -> String {
        guard let raw else { throw RequestError(.unprocessableEntity, "missing_field", "\(field) is required", field: field) }
        guard raw.count == 10, let date = try? Date(raw, strategy: style), day(of: date) == raw else {
            throw PeopleError.invalid(field: field, reason: "\(field) must be a date written yyyy-MM-dd, e.g. 2026-11-02")
        }
        return raw
    }

    /// Midnight UTC at the start of `day`.
    static func start(of day: String) -> Date {
        (try? Date(day, strategy: style)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The UTC day of an instant.
    static func day(of date: Date) -> String {
        date.formatted(style)
    }

    /// The day `count` days after `day` (before, when negative).
    static func adding(_ count: Int, to day: String) -> String {
        Self.day(of: start(of: day).addingTimeInterval(Double(count) * 86_400))
    }

    /// Days from `from` to `to`, counting both (1 when equal).
    static func count(from: String, to: String) -> Int {
        Int((start(of: to).timeIntervalSince(start(of: from)) / 86_400).rounded()) + 1
    }
}

/// Writes CSV rows (RFC 4180): fields with commas, quotes or line breaks are quoted.
enum CSV {
    static func row(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    static func response(_ rows: [[String]], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: rows.map(row).joined()))
    }

    /// Whether the client asked for CSV, by `Accept: text/csv` or `?format=csv`.
    static func wanted(_ req: Request) -> Bool {
        if (try? req.query.get(String.self, at: "format")) == "csv" { return true }
        return req.headers.accept.contains { $0.mediaType.type == "text" && $0.mediaType.subType == "csv" }
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.rounded() == value ? String(Int(value)) : String(value)
    }
}

/// Rounds report figures so that they read well and compare exactly: minutes to 2 decimals,
/// shares to 4.
enum Rounded {
    static func minutes(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    static func share(_ value: Double?) -> Double? { value.map { ($0 * 10_000).rounded() / 10_000 } }
}
