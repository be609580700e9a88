import Foundation

extension BusinessCalendar {
    /// Checks the calendar can be trusted by the arithmetic; throws the first problem found.
    ///
    /// Refuses an unknown time zone, intervals outside 00:00–24:00, intervals that cross midnight
    /// or are empty, overlapping intervals on one day, and holiday dates that are not real dates.
    /// A calendar with no hours at all is valid (an "always closed" desk); the arithmetic handles it.
    public func validate() throws(BusinessCalendarError) {
        guard TimeZone(identifier: timeZoneIdentifier) != nil else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        for day in Weekday.allCases {
            let intervals = weeklyHours[day] ?? []
            for interval in intervals {
                guard (0...1440).contains(interval.startMinute), (0...1440).contains(interval.endMinute) else {
                    throw .intervalOutOfRange(day, interval)
                }
                if interval.endMinute < interval.startMinute { throw .intervalCrossesMidnight(day, interval) }
                if interval.endMinute == interval.startMinute { throw .emptyInterval(day, interval) }
            }
            let sorted = intervals.sorted { $0.startMinute < $1.startMinute }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.startMinute < earlier.endMinute {
                throw .overlappingIntervals(day, earlier, later)
            }
        }
        for holiday in holidays where CivilDate.parse(holiday.date) == nil {
            throw .badHolidayDate(holiday.date)
        }
    }
}
