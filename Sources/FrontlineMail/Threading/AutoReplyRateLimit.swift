import Foundation

/// At most `maxPerWindow` automatic replies to one address per `window`: the
/// last line of defence when two auto-responders slip past every header check.
/// A pure value: the app stores the timestamps of earlier replies.
public struct AutoReplyRateLimit: Sendable, Hashable {
    public var maxPerWindow: Int
    public var window: TimeInterval

    public init(maxPerWindow: Int, window: TimeInterval) {
        self.maxPerWindow = maxPerWindow
        self.window = window
    }

    /// True when fewer than `maxPerWindow` of the earlier replies fall inside
    /// the window ending at `now`.
    public func allows(previousRepliesAt previous: [Date], now: Date) -> Bool {
        guard maxPerWindow > 0 else { return false }
        let windowStart = now.addingTimeInterval(-window)
        let recent = previous.lazy.filter { $0 > windowStart && $0 <= now }.count
        return recent < maxPerWindow
    }
}
