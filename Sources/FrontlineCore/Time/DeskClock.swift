import Foundation

/// Where the desk reads "now" from. Production reads the system clock; tests and the demo start it
/// on a chosen day, so nothing the desk computes (report periods, "this month", due times) depends
/// on the day the code happens to run.
public struct DeskClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public func now() -> Date { read() }

    /// The system's wall clock.
    public static let system = DeskClock { Date() }

    /// A clock that reads `start` when made and then runs with the system clock: the calendar day is
    /// fixed, yet time still passes, so leases, expiries and rate windows behave as in production.
    public static func starting(at start: Date) -> DeskClock {
        let origin = Date()
        return DeskClock { start.addingTimeInterval(Date().timeIntervalSince(origin)) }
    }

    /// A clock that always reads `instant`.
    public static func fixed(_ instant: Date) -> DeskClock {
        DeskClock { instant }
    }
}
