import Foundation

/// The day the demo tests load the demo on: a Wednesday in the middle of a month, so "this month",
/// "this week" and "the last four weeks" hold data whatever day the suite runs.
enum DemoClock {
    static let midMonth = Date(timeIntervalSince1970: 1_781_705_600) // 2026-06-17T14:13:20Z
}
