import Foundation

/// When a desk is open: a time zone, weekly opening hours and holidays.
///
/// "Open" is defined on the wall clock: an instant is business time when its local date is not a
/// holiday and its local time falls in one of that weekday's intervals. So on the day clocks spring
/// forward a 09:00–17:00 day containing the gap is an hour shorter, and on the day they fall back a
/// repeated hour inside the intervals counts twice (both instants show an open wall clock).
/// A 24x7 calendar therefore counts exactly the real elapsed time in any zone.
///
/// An unknown time zone identifier is treated as UTC by the arithmetic; ``validate()`` refuses it,
/// so validate whenever a calendar is saved.
public struct BusinessCalendar: Sendable, Codable, Hashable {
    /// IANA time zone identifier of the wall clock, e.g. `Europe/Berlin`.
    public var timeZoneIdentifier: String
    /// Opening intervals per weekday; a missing weekday or an empty list means closed all day.
    public var weeklyHours: [Weekday: [OpeningInterval]]
    /// Local dates on which the desk is closed all day.
    public var holidays: [Holiday]

    public init(timeZoneIdentifier: String, weeklyHours: [Weekday: [OpeningInterval]], holidays: [Holiday] = []) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    /// Open around the clock every day, in UTC: business time is plain elapsed time.
    public static let always = BusinessCalendar.everyDay(
        [OpeningInterval(startMinute: 0, endMinute: 1440)], timeZoneIdentifier: "UTC")

    /// The same intervals Monday to Friday, closed at weekends.
    public static func mondayToFriday(
        _ intervals: [OpeningInterval], timeZoneIdentifier: String, holidays: [Holiday] = []
    ) -> BusinessCalendar {
        BusinessCalendar(
            timeZoneIdentifier: timeZoneIdentifier,
            weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.workingWeek.map { ($0, intervals) }),
            holidays: holidays)
    }

    /// The same intervals on all seven days.
    public static func everyDay(
        _ intervals: [OpeningInterval], timeZoneIdentifier: String, holidays: [Holiday] = []
    ) -> BusinessCalendar {
        BusinessCalendar(
            timeZoneIdentifier: timeZoneIdentifier,
            weeklyHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, intervals) }),
            holidays: holidays)
    }

    private enum CodingKeys: String, CodingKey {
        case timeZoneIdentifier = "time_zone"
        case weeklyHours = "weekly_hours"
        case holidays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeZoneIdentifier = try container.decode(String.self, forKey: .timeZoneIdentifier)
        weeklyHours = try container.decode([Weekday: [OpeningInterval]].self, forKey: .weeklyHours)
        holidays = try container.decodeIfPresent([Holiday].self, forKey: .holidays) ?? []
    }

    /// Whether the desk is open at `date`.
    public func isOpen(at date: Date) -> Bool {
        BusinessSchedule(self).isOpen(at: date.timeIntervalSince1970)
    }

    /// The first instant at or after `date` when the desk is open: `date` itself when open then.
    ///
    /// Returns nil when the calendar has no open hours at all, or none in the ten years after
    /// `date` (only possible with no weekly hours, since holidays are single days).
    public func nextOpening(after date: Date) -> Date? {
        var periods = OpenPeriods(schedule: BusinessSchedule(self), from: date.timeIntervalSince1970)
        return periods.next().map { Date(timeIntervalSince1970: $0.start) }
    }

    /// The instant at which `seconds` of business time have elapsed since `start`.
    ///
    /// When the time runs out exactly at a closing time, that closing time is returned (not the
    /// next opening). A non-positive amount returns `start`. A calendar that is never open returns
    /// `Date.distantFuture`. Walks whole open periods, so 40 business hours cost a handful of steps.
    public func addingBusinessTime(_ seconds: TimeInterval, to start: Date) -> Date {
        guard seconds > 0 else { return start }
        var remaining = seconds
        var periods = OpenPeriods(schedule: BusinessSchedule(self), from: start.timeIntervalSince1970)
        while let period = periods.next() {
            let length = period.end - period.start
            if remaining <= length { return Date(timeIntervalSince1970: period.start + remaining) }
            remaining -= length
        }
        return .distantFuture
    }

    /// The business time between two instants; zero when `end` is not after `start`.
    public func businessTime(from start: Date, to end: Date) -> TimeInterval {
        let stop = end.timeIntervalSince1970
        guard stop > start.timeIntervalSince1970 else { return 0 }
        var total: TimeInterval = 0
        var periods = OpenPeriods(schedule: BusinessSchedule(self), from: start.timeIntervalSince1970, until: stop)
        while let period = periods.next(), period.start < stop {
            total += min(period.end, stop) - period.start
        }
        return total
    }

    /// The number of local dates in `[start, end)` that have opening hours and are not holidays,
    /// counting the local date of `start` and excluding that of `end`. Used for "per working day" figures.
    public func workingDays(from start: Date, to end: Date) -> Int {
        let schedule = BusinessSchedule(self)
        let first = schedule.localDay(of: start.timeIntervalSince1970)
        let last = schedule.localDay(of: end.timeIntervalSince1970)
        guard last > first else { return 0 }
        return (first..<last).count { !schedule.openSeconds(onDay: $0).isEmpty }
    }
}
