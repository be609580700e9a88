import Foundation
import Testing
import FrontlineCore

@Suite struct PromiseRulesTests {
    let due = at("2025-01-06T15:00:00Z")
    let before = at("2025-01-06T14:59:00Z")
    let after = at("2025-01-06T15:01:00Z")

    @Test(arguments: [
        (PromiseEvent.keep(by: .outboundCall), "2025-01-06T14:59:00Z", PromiseState.kept),
        (.keep(by: .publicReply), "2025-01-06T15:00:00Z", .kept),  // on the dot is on time
        (.keep(by: .markedByOwner), "2025-01-06T15:01:00Z", .broken),  // late: the customer waited past due
        (.cancel(reason: "Customer solved it themselves"), "2025-01-06T14:00:00Z", .cancelled),
        (.cancel(reason: "Customer asked to wait"), "2025-01-06T15:00:00Z", .cancelled),
        (.lapse, "2025-01-06T15:00:00Z", .broken),
        (.lapse, "2025-01-07T09:00:00Z", .broken),
    ])
    func pendingTransitions(event: PromiseEvent, now: String, expected: PromiseState) throws {
        #expect(try PromiseRules.transition(from: .pending, event: event, now: at(now), due: due) == expected)
    }

    @Test(arguments: [PromiseState.kept, .broken, .cancelled], [
        PromiseEvent.keep(by: .outboundCall), .keep(by: .markedByOwner), .cancel(reason: "late"), .lapse,
    ])
    func finalStatesNeverChange(state: PromiseState, event: PromiseEvent) {
        #expect(throws: PromiseRuleError.alreadyFinal(state)) {
            try PromiseRules.transition(from: state, event: event, now: before, due: due)
        }
    }

    @Test func lateCallbackDoesNotUnbreakABrokenPromise() {
        #expect(throws: PromiseRuleError.alreadyFinal(.broken)) {
            try PromiseRules.transition(from: .broken, event: .keep(by: .outboundCall), kind: .callback, now: after, due: due)
        }
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func cancelNeedsAReason(reason: String) {
        #expect(throws: PromiseRuleError.cancelReasonRequired) {
            try PromiseRules.transition(from: .pending, event: .cancel(reason: reason), now: before, due: due)
        }
    }

    @Test func overduePromiseCannotBeCancelled() {
        #expect(throws: PromiseRuleError.cancelAfterDue(due: due)) {
            try PromiseRules.transition(from: .pending, event: .cancel(reason: "never mind"), now: after, due: due)
        }
    }

    @Test func lapseBeforeDueIsRefused() {
        #expect(throws: PromiseRuleError.lapseBeforeDue(due: due)) {
            try PromiseRules.transition(from: .pending, event: .lapse, now: before, due: due)
        }
    }

    @Test func actionMustFitTheKindWhenKindIsGiven() throws {
        #expect(throws: PromiseRuleError.actionDoesNotKeep(.publicReply, .callback)) {
            try PromiseRules.transition(from: .pending, event: .keep(by: .publicReply), kind: .callback, now: before, due: due)
        }
        #expect(try PromiseRules.transition(from: .pending, event: .keep(by: .outboundCall), kind: .update, now: before, due: due) == .kept)
        // Cancel and lapse do not depend on the kind.
        #expect(try PromiseRules.transition(from: .pending, event: .lapse, kind: .refund, now: after, due: due) == .broken)
    }

    @Test func whichActionKeepsWhichKind() {
        let kept = PromiseKind.allCases.map { kind in
            PromiseKeepingAction.allCases.filter { PromiseRules.isKeptBy($0, kind: kind) }
        }
        #expect(kept == [
            [.outboundCall],  // callback
            [.outboundCall, .publicReply],  // update
            [.markedByOwner], [.markedByOwner], [.markedByOwner],  // replacement, refund, other
        ])
    }

    @Test func reminderAndDroppedCallTimes() {
        #expect(PromiseRules.reminderTime(due: due) == at("2025-01-06T14:45:00Z"))
        #expect(PromiseRules.reminderTime(due: due, lead: hour) == at("2025-01-06T14:00:00Z"))
        #expect(PromiseRules.droppedCallCallbackDue(endedAt: due) == at("2025-01-06T15:10:00Z"))
        #expect(PromiseRules.droppedCallCallbackDue(endedAt: due, within: 30 * minute) == at("2025-01-06T15:30:00Z"))
    }

    @Test func onlyPendingIsNotFinal() {
        #expect(PromiseState.allCases.filter { !$0.isFinal } == [.pending])
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(PromiseRuleError.alreadyFinal(.broken).description == "The promise is already broken; a final promise never changes.")
        #expect(PromiseRuleError.actionDoesNotKeep(.publicReply, .callback).description == "A public reply does not keep a callback promise.")
        #expect(PromiseRuleError.lapseBeforeDue(due: due).description == "The promise is not due until 2025-01-06T15:00:00Z; it cannot lapse yet.")
    }
}
