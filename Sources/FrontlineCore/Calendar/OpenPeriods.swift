import Foundation

/// The desk's open periods as real instants, in order, starting at a cursor.
///
/// Walks time in stretches of constant UTC offset (between two time-zone transitions), where the
/// wall clock is the instant plus a fixed offset; inside a stretch it walks local days and their
/// opening intervals. That gives the wall-clock semantics of ``BusinessCalendar`` exactly: a
/// spring-forward gap is never open, a fall-back repeat is open twice. Periods are clipped to the
/// cursor and may be cut at a transition, so two returned periods can abut.
struct OpenPeriods {
    /// Consecutive closed local days after which the walk gives up; holidays are single dates, so
    /// ten closed years means the weekly hours are empty in effect and the walk would never end.
    static let closedDaysLimit = 3_660

    private let schedule: BusinessSchedule
    private var cursor: Double
    private let until: Double?

    /// - Parameter until: no period starting at or after this instant is needed; stops the walk there.
    init(schedule: BusinessSchedule, from start: Double, until: Double? = nil) {
        self.schedule = schedule
        self.cursor = start
        self.until = until
    }

    mutating func next() -> (start: Double, end: Double)? {
        guard schedule.hasOpenHours else { return nil }
        var closedDays = 0
        while true {
            if let until, cursor >= until { return nil }
            let here = Date(timeIntervalSince1970: cursor)
            let offset = Double(schedule.timeZone.secondsFromGMT(for: here))
            let stretchEnd = schedule.timeZone.nextDaylightSavingTimeTransition(after: here)?.timeIntervalSince1970
                ?? Double.greatestFiniteMagnitude
            var wall = cursor + offset
            let wallEnd = stretchEnd + offset
            while wall < wallEnd {
                let dayStart = (wall / 86_400).rounded(.down) * 86_400
                for stretch in schedule.openSeconds(onDay: Int(dayStart / 86_400)) {
                    let start = max(dayStart + stretch.start, wall)
                    let end = min(dayStart + stretch.end, wallEnd)
                    if start < end {
                        cursor = end - offset
                        return (start - offset, end - offset)
                    }
                }
                wall = dayStart + 86_400
                // Only within this stretch is `wall - offset` the instant; past it the outer loop checks.
                if let until, wall < wallEnd, wall - offset >= until { return nil }
                closedDays += 1
                if closedDays > Self.closedDaysLimit { return nil }
            }
            cursor = stretchEnd
        }
    }
}
