import Foundation

/// A ``BusinessCalendar`` resolved for arithmetic: the time zone looked up once, each weekday's
/// intervals sorted, merged and turned into seconds, holidays parsed into sets.
///
/// Invalid pieces that ``BusinessCalendar/validate()`` would refuse are dropped or clamped here
/// rather than trapping, so an unvalidated calendar still gives answers instead of crashing a job.
struct BusinessSchedule: Sendable {
    let timeZone: TimeZone
    /// Index 0 = Sunday; open stretches as seconds after local midnight, sorted and disjoint.
    private let hours: [[(start: Double, end: Double)]]
    private let fixedHolidays: Set<Int>
    private let yearlyHolidays: Set<Int>
    let hasOpenHours: Bool

    init(_ calendar: BusinessCalendar) {
        timeZone = TimeZone(identifier: calendar.timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
        var hours = Array(repeating: [(start: Double, end: Double)](), count: 7)
        for (day, intervals) in calendar.weeklyHours {
            let clamped = intervals
                .map { (max(0, min(1440, $0.startMinute)), max(0, min(1440, $0.endMinute))) }
                .filter { $0.0 < $0.1 }
                .sorted { $0.0 < $1.0 }
            var merged: [(start: Double, end: Double)] = []
            for (start, end) in clamped {
                if let last = merged.last, Double(start * 60) <= last.end {
                    merged[merged.count - 1].end = max(last.end, Double(end * 60))
                } else {
                    merged.append((Double(start * 60), Double(end * 60)))
                }
            }
            hours[day.index] = merged
        }
        self.hours = hours
        hasOpenHours = hours.contains { !$0.isEmpty }
        var fixed = Set<Int>(), yearly = Set<Int>()
        for holiday in calendar.holidays {
            guard let date = CivilDate.parse(holiday.date) else { continue }
            if holiday.recursYearly {
                yearly.insert(date.month * 100 + date.day)
            } else {
                fixed.insert(date.daysSinceEpoch)
            }
        }
        fixedHolidays = fixed
        yearlyHolidays = yearly
    }

    /// The open stretches of a local day (days since 1970-01-01), empty on holidays.
    func openSeconds(onDay day: Int) -> [(start: Double, end: Double)] {
        let stretches = hours[CivilDate.weekdayIndex(daysSinceEpoch: day)]
        guard !stretches.isEmpty else { return [] }
        if fixedHolidays.contains(day) { return [] }
        if !yearlyHolidays.isEmpty {
            let date = CivilDate(daysSinceEpoch: day)
            if yearlyHolidays.contains(date.month * 100 + date.day) { return [] }
        }
        return stretches
    }

    /// Seconds since 1970 as read off the local wall clock at `instant`.
    func wallTime(of instant: Double) -> Double {
        instant + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
    }

    func localDay(of instant: Double) -> Int {
        Int((wallTime(of: instant) / 86_400).rounded(.down))
    }

    func isOpen(at instant: Double) -> Bool {
        let wall = wallTime(of: instant)
        let day = (wall / 86_400).rounded(.down)
        let secondOfDay = wall - day * 86_400
        return openSeconds(onDay: Int(day)).contains { $0.start <= secondOfDay && secondOfDay < $0.end }
    }
}
