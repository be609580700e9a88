@testable import App
import Foundation
import FrontlineCore

/// One event of every kind this version writes (some kinds twice, in their different shapes),
/// each with the stored JSON the desk's writers produced before events were typed: the
/// dictionaries below are what those writers built, key for key.
enum TimelineSamples {
    static let ana = UUID(uuidString: "A0000000-0000-4000-8000-000000000001")!
    static let ben = UUID(uuidString: "B0000000-0000-4000-8000-000000000002")!
    static let billing = UUID(uuidString: "C0000000-0000-4000-8000-000000000003")!
    static let requester = UUID(uuidString: "D0000000-0000-4000-8000-000000000004")!
    static let promise = UUID(uuidString: "E0000000-0000-4000-8000-000000000005")!
    static let call = UUID(uuidString: "F0000000-0000-4000-8000-000000000006")!
    static let transfer = UUID(uuidString: "F1000000-0000-4000-8000-000000000007")!
    static let escalation = UUID(uuidString: "F2000000-0000-4000-8000-000000000008")!
    /// Whole seconds: the stored form keeps times to the second.
    static let due = Date(timeIntervalSince1970: 1_795_186_800)
    static let held = Date(timeIntervalSince1970: 1_795_180_000)

    /// Each event with the JSON object its writer stored.
    static func all() -> [(event: TimelineEvent, stored: [String: JSONValue])] {
        let promiseFacts = TimelineEvent.PromiseFacts(
            promiseId: promise, kind: .callback, description: "Call back “after” 15:00 / before \"close\"", dueAt: due, ownerId: ana)
        let promiseData: [String: JSONValue] = [
            "promise_id": .string(promise.uuidString), "kind": .string("callback"),
            "description": .string("Call back “after” 15:00 / before \"close\""), "due_at": .string(due.ISO8601Format()),
            "owner_id": .string(ana.uuidString),
        ]
        func with(_ base: [String: JSONValue], _ extra: [String: JSONValue]) -> [String: JSONValue] { base.merging(extra) { $1 } }
        let anaInBilling = TimelineEvent.Ownership(owner: .named(id: ana, name: "Ana Costa"), team: .named(id: billing, name: "Billing"))
        let anaInBillingData: JSONValue = .object([
            "owner_id": .string(ana.uuidString), "owner_name": .string("Ana Costa"),
            "team_id": .string(billing.uuidString), "team_name": .string("Billing"),
        ])
        return [
            (.created(.init(subject: "Printer <E3> & more", status: .new, priority: .high, channel: .email, requesterId: requester, teamId: nil, tags: ["printer", "vip"])), [
                "subject": .string("Printer <E3> & more"), "status": .string("new"), "priority": .string("high"), "channel": .string("email"),
                "requester_id": .string(requester.uuidString), "team_id": .null, "tags": .array([.string("printer"), .string("vip")]),
            ]),
            (.created(.init(subject: "Invoice", status: .new, priority: .normal, channel: .api, requesterId: requester, teamId: billing, tags: [])), [
                "subject": .string("Invoice"), "status": .string("new"), "priority": .string("normal"), "channel": .string("api"),
                "requester_id": .string(requester.uuidString), "team_id": .string(billing.uuidString), "tags": .array([]),
            ]),
            // A first owner (`assign`): the owner alone.
            (.assigned(.init(before: .init(owner: .nobody, team: .unrecorded), after: .init(owner: .named(id: ana, name: "Ana Costa"), team: .unrecorded))), [
                "before": .object(["owner_id": .null]),
                "after": .object(["owner_id": .string(ana.uuidString), "owner_name": .string("Ana Costa")]),
            ]),
            // Routing a ticket with neither owner nor team through the hand-off form.
            (.assigned(.init(
                before: .init(owner: .nobody, team: .nobody), after: .init(owner: .nobody, team: .named(id: billing, name: "Billing")),
                handoff: .init(note: "Refund question", noteMissing: false, count: 0))), [
                "before": .object(["owner_id": .null, "team_id": .null]),
                "after": .object(["owner_id": .null, "team_id": .string(billing.uuidString), "team_name": .string("Billing")]),
                "note": .string("Refund question"), "note_missing": .bool(false), "handoff_count": .number(0),
            ]),
            // A live transfer: the note follows; a person who could not be found keeps a null name.
            (.handedOff(.init(
                before: anaInBilling, after: .init(owner: .named(id: ben, name: nil), team: .named(id: billing, name: "Billing")),
                handoff: .init(note: nil, noteMissing: true, count: 2))), [
                "before": anaInBillingData,
                "after": .object([
                    "owner_id": .string(ben.uuidString), "owner_name": .null,
                    "team_id": .string(billing.uuidString), "team_name": .string("Billing"),
                ]),
                "note": .null, "note_missing": .bool(true), "handoff_count": .number(2),
            ]),
            (.statusChanged(.init(before: .open, after: .pending)), ["before": .string("open"), "after": .string("pending")]),
            (.statusChanged(.init(before: .solved, after: .open, reopened: true)), [
                "before": .string("solved"), "after": .string("open"), "reopened": .bool(true),
            ]),
            (.priorityChanged(.init(before: .normal, after: .urgent)), ["before": .string("normal"), "after": .string("urgent")]),
            (.tagged(.init(before: [], after: ["printer", "vip"])), [
                "before": .array([]), "after": .array([.string("printer"), .string("vip")]),
            ]),
            (.teamChanged(.init(before: nil, after: .init(owner: .unrecorded, team: .named(id: billing, name: "Billing")))), [
                "before": .null, "after": .object(["team_id": .string(billing.uuidString), "team_name": .string("Billing")]),
            ]),
            (.customFieldsChanged(.init(before: .object([:]), after: ["plan": .string("gold"), "seats": .number(5), "ratio": .number(2.5)])), [
                "before": .object([:]), "after": .object(["plan": .string("gold"), "seats": .number(5), "ratio": .number(2.5)]),
            ]),
            (.messageAdded(.init(messageId: 7, visibility: .public, channel: .email, authorType: .customer)), [
                "message_id": .number(7), "visibility": .string("public"), "channel": .string("email"), "author_type": .string("customer"),
            ]),
            (.noteAdded(.init(messageId: 8, visibility: .internal, channel: .api, authorType: .user)), [
                "message_id": .number(8), "visibility": .string("internal"), "channel": .string("api"), "author_type": .string("user"),
            ]),
            (.runaroundFlagged(.init(index: 3.5, reasons: ["3 hand-offs", "2 channel switches"])), [
                "index": .number(3.5), "reasons": .array([.string("3 hand-offs"), .string("2 channel switches")]),
            ]),
            (.runaroundFlagged(.init(index: 4, reasons: ["4 contacts while unresolved"])), [
                "index": .number(4), "reasons": .array([.string("4 contacts while unresolved")]),
            ]),
            (.promiseMade(.init(promise: promiseFacts, ownerName: "Ana Costa")), with(promiseData, ["owner_name": .string("Ana Costa")])),
            (.promiseKept(.init(promise: promiseFacts, action: .publicReply)), with(promiseData, ["action": .string("public_reply")])),
            (.promiseCancelled(.init(promise: promiseFacts, reason: "Customer no longer needs it")), with(promiseData, ["reason": .string("Customer no longer needs it")])),
            (.promiseBroken(.init(promise: promiseFacts, lateAction: true)), with(promiseData, ["late_action": .bool(true)])),
            (.callStarted(.init(callId: call, direction: "inbound", agentId: nil, customerPhone: "+493012345678", countsAsContact: true)), [
                "call_id": .string(call.uuidString), "direction": .string("inbound"), "agent_id": .null,
                "customer_phone": .string("+493012345678"), "counts_as_contact": .bool(true), "channel": .string("phone"),
            ]),
            (.callStarted(.init(callId: call, direction: "outbound", agentId: ana, customerPhone: "+493012345678", countsAsContact: false)), [
                "call_id": .string(call.uuidString), "direction": .string("outbound"), "agent_id": .string(ana.uuidString),
                "customer_phone": .string("+493012345678"), "counts_as_contact": .bool(false), "channel": .string("phone"),
            ]),
            (.callEnded(.init(callId: call, outcome: "dropped", talkSeconds: 75, holds: 1)), [
                "call_id": .string(call.uuidString), "outcome": .string("dropped"), "talk_seconds": .number(75), "holds": .number(1),
            ]),
            (.callEnded(.init(callId: call, outcome: "", talkSeconds: nil, holds: 0)), [
                "call_id": .string(call.uuidString), "outcome": .string(""), "talk_seconds": .null, "holds": .number(0),
            ]),
            (.holdWithoutWaitTold(.init(callId: call, holdStartedAt: held, toldWaitSeconds: nil, enduredSeconds: 120)), [
                "call_id": .string(call.uuidString), "hold_started_at": .string(held.ISO8601Format()),
                "told_wait_seconds": .null, "endured_seconds": .number(120),
            ]),
            (.holdOverran(.init(callId: call, holdStartedAt: held, toldWaitSeconds: 60, enduredSeconds: nil)), [
                "call_id": .string(call.uuidString), "hold_started_at": .string(held.ISO8601Format()),
                "told_wait_seconds": .number(60), "endured_seconds": .null,
            ]),
            (.handoffNoteAdded(.init(callId: call, transferId: transfer, note: "Wants the refund today")), [
                "call_id": .string(call.uuidString), "transfer_id": .string(transfer.uuidString), "note": .string("Wants the refund today"),
            ]),
            (.escalated(.init(escalationId: escalation, reason: "Third refund attempt", toUserId: ben, toTeamId: nil, channel: .phone, dueAt: due)), [
                "escalation_id": .string(escalation.uuidString), "reason": .string("Third refund attempt"),
                "to_user_id": .string(ben.uuidString), "to_team_id": .null, "channel": .string("phone"), "due_at": .string(due.ISO8601Format()),
            ]),
            (.escalationAnswered(.init(escalationId: escalation, by: "callback_promise", late: false)), [
                "escalation_id": .string(escalation.uuidString), "by": .string("callback_promise"), "late": .bool(false),
            ]),
            (.escalationBreached(.init(escalationId: escalation, dueAt: due, channel: .email)), [
                "escalation_id": .string(escalation.uuidString), "due_at": .string(due.ISO8601Format()), "channel": .string("email"),
            ]),
            (.slaPolicyChanged(.init(before: "Standard", after: nil)), ["before": .string("Standard"), "after": .null]),
            (.slaWarning(.init(target: .firstResponse, policy: "Standard", dueAt: due)), [
                "target": .string("first_response"), "policy": .string("Standard"), "due_at": .string(due.ISO8601Format()),
            ]),
            (.slaBreached(.init(target: .resolution, policy: "VIP", dueAt: nil)), [
                "target": .string("resolution"), "policy": .string("VIP"), "due_at": .null,
            ]),
            (.mailSent(.init(kind: .reply, recipients: ["pat@example.test", "sam@example.test"], messageId: "<fl-1/2@frontline.test>")), [
                "kind": .string("reply"), "recipients": .array([.string("pat@example.test"), .string("sam@example.test")]),
                "message_id": .string("<fl-1/2@frontline.test>"),
            ]),
            (.mailSent(.init(kind: .acknowledgement, recipients: [], messageId: nil)), [
                "kind": .string("acknowledgement"), "recipients": .array([]), "message_id": .null,
            ]),
            (.deliveryFailed(.init(recipient: "sam@example.test", reason: "550 5.1.1 no such user", permanent: true)), [
                "recipient": .string("sam@example.test"), "reason": .string("550 5.1.1 no such user"), "permanent": .bool(true),
            ]),
            (.deliveryFailed(.init(recipient: "pat@example.test", reason: "too many attempts", permanent: true, kind: .acknowledgement)), [
                "recipient": .string("pat@example.test"), "reason": .string("too many attempts"), "permanent": .bool(true),
                "kind": .string("acknowledgement"),
            ]),
            (.mailBounced(.init(messageId: "<fl-9@frontline.test>", permanent: true, recipients: [
                .init(email: "pat@example.test", action: "failed", status: "5.1.1", diagnostic: "smtp; 550 5.1.1 unknown"),
                .init(email: "sam@example.test", action: "delayed", status: "4.4.1", diagnostic: nil),
            ])), [
                "message_id": .string("<fl-9@frontline.test>"), "permanent": .bool(true),
                "recipients": .array([
                    .object(["email": .string("pat@example.test"), "action": .string("failed"), "status": .string("5.1.1"), "diagnostic": .string("smtp; 550 5.1.1 unknown")]),
                    .object(["email": .string("sam@example.test"), "action": .string("delayed"), "status": .string("4.4.1"), "diagnostic": .null]),
                ]),
            ]),
            (.followUpCreated(.init(followUpNumber: 1042)), ["follow_up_number": .number(1042)]),
            (.followUpOf(.init(originalNumber: 1001)), ["original_number": .number(1001)]),
            (.participantAdded(.init(email: "sam@example.test")), ["email": .string("sam@example.test")]),
            (.participantRemoved(.init(email: "sam@example.test")), ["email": .string("sam@example.test")]),
        ]
    }
}
