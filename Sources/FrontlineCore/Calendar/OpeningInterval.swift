/// One stretch of a day when the desk is open, in local wall-clock minutes since midnight.
///
/// The end is exclusive and may be 24:00 (1440) to mean "until midnight"; an interval may not
/// cross midnight (use 22:00–24:00 on one day and 00:00–06:00 on the next), which
/// ``BusinessCalendar/validate()`` enforces. Encoded as `{"start": "09:00", "end": "17:00"}`.
public struct OpeningInterval: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Minutes after local midnight when the desk opens.
    public var startMinute: Int
    /// Minutes after local midnight when the desk closes (exclusive; 1440 is midnight).
    public var endMinute: Int

    /// Creates an interval from minute counts; see ``BusinessCalendar/validate()`` for the rules.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Creates an interval from `HH:mm` texts such as `"09:00"` and `"17:30"`.
    public init(from start: String, to end: String) throws(BusinessCalendarError) {
        guard let startMinute = Self.minutes(start) else { throw .badClockTime(start) }
        guard let endMinute = Self.minutes(end) else { throw .badClockTime(end) }
        self.init(startMinute: startMinute, endMinute: endMinute)
    }

    /// The interval as `09:00–17:00`.
    public var description: String { "\(Self.clock(startMinute))–\(Self.clock(endMinute))" }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(String.self, forKey: .start)
        let end = try container.decode(String.self, forKey: .end)
        guard let startMinute = Self.minutes(start) else {
            throw DecodingError.dataCorruptedError(forKey: .start, in: container, debugDescription: "expected HH:mm, got \(start)")
        }
        guard let endMinute = Self.minutes(end) else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "expected HH:mm, got \(end)")
        }
        self.init(startMinute: startMinute, endMinute: endMinute)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.clock(startMinute), forKey: .start)
        try container.encode(Self.clock(endMinute), forKey: .end)
    }

    /// `HH:mm` → minutes; 24:00 is allowed as the end of the day, nothing later.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (0...24).contains(hours), (0...59).contains(minutes), hours < 24 || minutes == 0
        else { return nil }
        return hours * 60 + minutes
    }

    static func clock(_ minutes: Int) -> String {
        guard (0...1440).contains(minutes) else { return "\(minutes)min" }
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
