import Foundation

/// A stretch during which an SLA clock stops, typically while the ticket is pending on the customer.
///
/// `end` is nil while the pause is still going on.
public struct SLAPause: Sendable, Codable, Hashable {
    /// When the clock stopped.
    public var start: Date
    /// When it resumed; nil while still paused.
    public var end: Date?

    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }
}
