import Foundation

/// The rules a promise lives by: which action keeps which kind, how its state may change, and
/// when to remind its owner.
public enum PromiseRules {
    /// How long before the due time the owner is reminded, unless configured otherwise.
    public static let defaultReminderLead: TimeInterval = 15 * 60
    /// How soon a dropped call must be called back, unless configured otherwise.
    public static let defaultDroppedCallWindow: TimeInterval = 10 * 60

    /// Whether `action` fulfils a promise of `kind`.
    ///
    /// - callback: only an outbound call — the customer was promised a call, and the logged call is
    ///   the proof; a reply or a tick in a box is not a call.
    /// - update: a public reply or an outbound call — either way the customer heard from us, which
    ///   is all an update promises.
    /// - replacement, refund, other: the owner marks it kept, because the proof (a shipment, a
    ///   payment) lives outside the desk; the mark is recorded against the owner's name.
    public static func isKeptBy(_ action: PromiseKeepingAction, kind: PromiseKind) -> Bool {
        switch kind {
        case .callback: action == .outboundCall
        case .update: action == .publicReply || action == .outboundCall
        case .replacement, .refund, .other: action == .markedByOwner
        }
    }

    /// The state a promise moves to when `event` happens at `now`.
    ///
    /// - Final states never change: any event on them throws ``PromiseRuleError/alreadyFinal(_:)``
    ///   (so a late callback does not un-break a broken promise).
    /// - keep: `kept` when `now <= due`; when it comes after the due time the promise is `broken`
    ///   even if the scheduler has not lapsed it yet — the customer waited past what they were told.
    ///   When `kind` is given, an action that does not keep that kind is refused.
    /// - cancel: refused with a blank reason, and refused after the due time (an overdue promise
    ///   is broken, and cancelling must not hide that).
    /// - lapse: `broken` at or after the due time; refused before it.
    public static func transition(
        from state: PromiseState, event: PromiseEvent, kind: PromiseKind? = nil, now: Date, due: Date
    ) throws(PromiseRuleError) -> PromiseState {
        guard state == .pending else { throw .alreadyFinal(state) }
        switch event {
        case .keep(let action):
            if let kind, !isKeptBy(action, kind: kind) { throw .actionDoesNotKeep(action, kind) }
            return now <= due ? .kept : .broken
        case .cancel(let reason):
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .cancelReasonRequired
            }
            guard now <= due else { throw .cancelAfterDue(due: due) }
            return .cancelled
        case .lapse:
            guard now >= due else { throw .lapseBeforeDue(due: due) }
            return .broken
        }
    }

    /// When to remind the owner: `lead` before the due time.
    public static func reminderTime(due: Date, lead: TimeInterval = defaultReminderLead) -> Date {
        due.addingTimeInterval(-lead)
    }

    /// The due time of the callback promise a dropped call creates: `within` after the call ended.
    public static func droppedCallCallbackDue(
        endedAt: Date, within: TimeInterval = defaultDroppedCallWindow
    ) -> Date {
        endedAt.addingTimeInterval(within)
    }
}
