import Foundation

/// The days a warranty or service contract covers: from `start` to `end`, both inclusive, as
/// `yyyy-MM-dd` local dates.
public struct Coverage: Sendable, Hashable {
    /// Why a coverage period was refused.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case badDate(field: String, value: String)
        case endsBeforeStart(start: String, end: String)

        public var description: String {
            switch self {
            case .badDate(let field, let value): "\(field) \"\(value)\" is not a real date in the form yyyy-MM-dd"
            case .endsBeforeStart(let start, let end): "coverage cannot end (\(end)) before it starts (\(start))"
            }
        }

        public var field: String {
            switch self {
            case .badDate(let field, _): field
            case .endsBeforeStart: "ends_on"
            }
        }
    }

    public let start: String
    public let end: String
    private let firstDay: Int
    private let lastDay: Int

    public init(start: String, end: String) throws(Problem) {
        guard let first = CivilDate.parse(start) else { throw .badDate(field: "starts_on", value: start) }
        guard let last = CivilDate.parse(end) else { throw .badDate(field: "ends_on", value: end) }
        guard last.daysSinceEpoch >= first.daysSinceEpoch else { throw .endsBeforeStart(start: start, end: end) }
        self.start = start
        self.end = end
        firstDay = first.daysSinceEpoch
        lastDay = last.daysSinceEpoch
    }

    /// Whether the local date of `date` in `timeZone` falls inside the coverage.
    public func covers(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Bool {
        let day = Self.localDay(of: date, in: timeZone)
        return firstDay <= day && day <= lastDay
    }

    /// Whether `text` is a real `yyyy-MM-dd` date.
    public static func isDate(_ text: String) -> Bool { CivilDate.parse(text) != nil }

    private static func localDay(of date: Date, in timeZone: TimeZone) -> Int {
        let wall = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((wall / 86_400).rounded(.down))
    }
}
