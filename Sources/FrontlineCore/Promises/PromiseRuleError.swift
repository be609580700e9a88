import Foundation

/// Why a promise could not change state.
public enum PromiseRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The promise is already kept, broken or cancelled; those never change.
    case alreadyFinal(PromiseState)
    /// A cancellation needs a reason that is not blank.
    case cancelReasonRequired
    /// A pending promise past its due time is broken, not cancellable.
    case cancelAfterDue(due: Date)
    /// The scheduler tried to lapse a promise before its due time.
    case lapseBeforeDue(due: Date)
    /// The action does not fulfil this kind of promise (e.g. a reply does not keep a callback).
    case actionDoesNotKeep(PromiseKeepingAction, PromiseKind)

    public var description: String {
        switch self {
        case .alreadyFinal(let state):
            "The promise is already \(state.rawValue); a final promise never changes."
        case .cancelReasonRequired:
            "A promise can only be cancelled with a reason."
        case .cancelAfterDue(let due):
            "The promise was due at \(due.ISO8601Format()); it is broken and can no longer be cancelled."
        case .lapseBeforeDue(let due):
            "The promise is not due until \(due.ISO8601Format()); it cannot lapse yet."
        case .actionDoesNotKeep(let action, let kind):
            "A \(action.rawValue.replacingOccurrences(of: "_", with: " ")) does not keep a \(kind.rawValue) promise."
        }
    }
}
