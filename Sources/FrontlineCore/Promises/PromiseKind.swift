/// What was promised to the customer; decides which action keeps the promise
/// (see ``PromiseRules/isKeptBy(_:kind:)``).
public enum PromiseKind: String, Codable, CaseIterable, Sendable {
    /// "We'll call you back at 15:00."
    case callback
    /// "You'll hear from us by Friday."
    case update
    /// "We'll ship a replacement."
    case replacement
    /// "We'll refund you."
    case refund
    /// Any other commitment with a due time.
    case other
}
