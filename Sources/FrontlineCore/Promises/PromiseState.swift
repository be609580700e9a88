/// Where a promise stands. `pending` is the only state that ever changes; `kept`, `broken` and
/// `cancelled` are final, so a broken promise stays broken whatever happens later.
public enum PromiseState: String, Codable, CaseIterable, Sendable {
    /// Made and not yet due, kept or cancelled.
    case pending
    /// Kept at or before its due time.
    case kept
    /// Its due time passed without it being kept.
    case broken
    /// Withdrawn before its due time, with a reason.
    case cancelled

    /// Whether the state can no longer change.
    public var isFinal: Bool { self != .pending }
}
