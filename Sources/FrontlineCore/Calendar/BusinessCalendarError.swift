/// Why a business calendar was refused; each message names the day and hours to fix.
public enum BusinessCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The time zone identifier is not one the system knows (e.g. a typo in "Europe/Berlin").
    case unknownTimeZone(String)
    /// A clock time that is not `HH:mm` between 00:00 and 24:00.
    case badClockTime(String)
    /// An interval with a minute outside 00:00...24:00.
    case intervalOutOfRange(Weekday, OpeningInterval)
    /// An interval whose end is earlier than its start, i.e. one that runs past midnight.
    case intervalCrossesMidnight(Weekday, OpeningInterval)
    /// An interval that opens and closes at the same minute.
    case emptyInterval(Weekday, OpeningInterval)
    /// Two intervals of the same day that share time.
    case overlappingIntervals(Weekday, OpeningInterval, OpeningInterval)
    /// A holiday whose date is not a real `yyyy-MM-dd` date.
    case badHolidayDate(String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let identifier):
            "Unknown time zone \"\(identifier)\"; use an IANA name such as Europe/Berlin."
        case .badClockTime(let text):
            "\"\(text)\" is not a clock time; write HH:mm between 00:00 and 24:00."
        case .intervalOutOfRange(let day, let interval):
            "\(day.displayName) \(interval) lies outside 00:00–24:00."
        case .intervalCrossesMidnight(let day, let interval):
            "\(day.displayName) \(interval) crosses midnight; end it at 24:00 and open the next day at 00:00."
        case .emptyInterval(let day, let interval):
            "\(day.displayName) \(interval) opens and closes at the same time."
        case .overlappingIntervals(let day, let first, let second):
            "\(day.displayName) \(first) overlaps \(second)."
        case .badHolidayDate(let text):
            "Holiday date \"\(text)\" is not a real date in the form yyyy-MM-dd."
        }
    }
}
