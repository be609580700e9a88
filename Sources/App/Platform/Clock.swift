import Foundation
import FrontlineCore
import Vapor

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = DeskClock
    }

    /// The clock every "now" of the app comes from; the system clock unless a test or the demo set another.
    public var clock: DeskClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// "Now" by the app's clock.
    var now: Date { application.clock.now() }
}
