import Foundation
import FrontlineCore

/// Parses an ISO 8601 instant with an explicit offset, e.g. `"2025-03-31T09:00:00+02:00"`,
/// so each test states the wall clock and the offset it expects.
func at(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
    return date
}

let hour: TimeInterval = 3600
let minute: TimeInterval = 60

/// Builds an interval from `HH:mm` texts; test data is known to be well formed.
func hours(_ start: String, _ end: String) -> OpeningInterval {
    try! OpeningInterval(from: start, to: end)
}
