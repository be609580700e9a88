@testable import App
import Foundation
import FrontlineCore

/// A ticket with a long journey: 40 exchanges of messages and notes, two hand-offs, promises kept,
/// due, broken and cancelled, SLA clocks met, breached and running, a dropped call with holds told
/// and untold, an escalation past its target, a runaround flag, a warranty with its proof, and an
/// event kind this version does not know.
enum TicketPageFixture {
    typealias F = SnapshotFixtures

    static func page(problem: TicketDetailPage.FormProblem? = nil, done: String? = nil) -> TicketDetailPage {
        TicketDetailPage(
            frame: F.frame(active: "ticket"),
            ticket: .init(
                id: F.ticketId, number: 1042, subject: "Printer shows E3 after the firmware update", status: .open, priority: .high,
                channel: .email, createdAt: F.minutesAgo(6 * 24 * 60), ownerId: F.ben, teamId: F.hardware, handoffCount: 2),
            tags: ["firmware", "vip"],
            timeline: timeline,
            lastHandoff: .init(actorName: "Ana Costa", at: F.minutesAgo(3 * 24 * 60), note: "Firmware 4.2 bricks the E3 sensor; replacement promised by Friday."),
            requester: .init(id: F.requesterId, name: "Maria Lopez", email: "maria@lopez.test", phone: "+34 600 123 456"),
            organization: .init(id: F.organizationId, name: "Lopez & Daughters"),
            otherTickets: [
                .init(number: 998, subject: "Toner arrived damaged", status: .solved),
                .init(number: 951, subject: "Invoice address", status: .closed),
            ],
            contactHistory: [
                .init(at: F.minutesAgo(30), channel: .email, ticketNumber: 1042),
                .init(at: F.minutesAgo(2 * 24 * 60), channel: .phone, ticketNumber: 1042),
                .init(at: F.minutesAgo(40 * 24 * 60), channel: .portal, ticketNumber: 998),
                .init(at: F.minutesAgo(80 * 24 * 60), channel: .chat, ticketNumber: nil),
            ],
            staff: [
                .init(id: F.ana, name: "Ana Costa", role: .lead),
                .init(id: F.ben, name: "Ben Okafor", role: .agent),
                .init(id: F.chloe, name: "Chloé Martin", role: .manager),
            ],
            teams: [.init(id: F.billing, name: "Billing"), .init(id: F.hardware, name: "Hardware")],
            settings: DeskSettings(deskName: "Acme Support", supportAddress: "help@acme.test", timeZone: "Europe/Madrid"),
            journey: journey,
            participants: .init(
                participants: [.init(email: "jon@lopez.test", name: "Jon Lopez", addedAt: F.minutesAgo(4000))],
                suggested: [.init(email: "accounts@lopez.test", name: nil, addedAt: F.minutesAgo(100))]),
            done: done, problem: problem)
    }

    static var journey: TicketJourney {
        TicketJourney(
            sla: F.decoded(SLADTO.self, """
                {"policy": "VIP hardware",
                 "first_response": {"state": "met", "due_at": "\(F.iso(F.minutesAgo(8600)))", "target_minutes": 60,
                                    "started_at": "\(F.iso(F.minutesAgo(8640)))", "stopped_at": "\(F.iso(F.minutesAgo(8620)))"},
                 "next_response": {"state": "breached", "due_at": "\(F.iso(F.minutesAgo(90)))", "target_minutes": 240,
                                   "started_at": "\(F.iso(F.minutesAgo(330)))"},
                 "resolution": {"state": "warning", "due_at": "\(F.iso(F.minutesAhead(45)))", "target_minutes": 2880,
                                "started_at": "\(F.iso(F.minutesAgo(8640)))"}}
                """),
            runaround: RunaroundDTO(
                factors: RunaroundFactors(
                    handoffs: 2, distinctOwners: 3, customerContacts: 9, channelSwitches: 3, reopenings: 1, holdsWithoutWaitTold: 1,
                    brokenPromises: 1, daysOpen: 6),
                isResolved: false, firstFlaggedAt: F.minutesAgo(2 * 24 * 60)),
            promises: [
                PromiseItem(
                    id: F.id(51), kind: .callback, state: .kept, description: "Call Maria back after the engineer's test", dueAt: F.minutesAgo(5000),
                    ownerId: F.ana, madeByName: "Ana Costa", resolution: "outbound_call", resolvedAt: F.minutesAgo(5010), cancelReason: nil,
                    fromDroppedCall: false),
                PromiseItem(
                    id: F.id(52), kind: .callback, state: .broken, description: "Call back after the dropped call", dueAt: F.minutesAgo(2800),
                    ownerId: F.dev, madeByName: "Frontline", resolution: "lapsed", resolvedAt: nil, cancelReason: nil, fromDroppedCall: true),
                PromiseItem(
                    id: F.id(53), kind: .update, state: .broken, description: "Tell her which firmware fixes it", dueAt: F.minutesAgo(1500),
                    ownerId: F.ben, madeByName: "Ben Okafor", resolution: "public_reply", resolvedAt: F.minutesAgo(1200), cancelReason: nil,
                    fromDroppedCall: false),
                PromiseItem(
                    id: F.id(54), kind: .replacement, state: .pending, description: "Ship a replacement sensor", dueAt: F.minutesAhead(26 * 60),
                    ownerId: F.ben, madeByName: "Ana Costa", resolution: nil, resolvedAt: nil, cancelReason: nil, fromDroppedCall: false),
                PromiseItem(
                    id: F.id(55), kind: .update, state: .cancelled, description: "Send the courier number", dueAt: F.minutesAgo(600),
                    ownerId: F.ben, madeByName: "Ben Okafor", resolution: nil, resolvedAt: F.minutesAgo(700),
                    cancelReason: "She collects it at the shop instead", fromDroppedCall: false),
            ],
            escalations: [
                EscalationItem(
                    id: F.id(61), state: .breached, channel: .phone, toUserId: F.chloe, toTeamId: F.hardware,
                    reason: "Third contact about the same fault", targetMinutes: 60, dueAt: F.minutesAgo(2000), answeredAt: F.minutesAgo(1900),
                    answeredBy: "outbound_call", escalatedByName: "Ben Okafor"),
                EscalationItem(
                    id: F.id(62), state: .open, channel: .email, toUserId: nil, toTeamId: F.billing,
                    reason: "Refund of the courier fee", targetMinutes: 120, dueAt: F.minutesAhead(50), answeredAt: nil, answeredBy: nil,
                    escalatedByName: "Ana Costa"),
            ],
            calls: [F.decoded(CallDTO.self, """
                {"id": "\(F.id(71))", "external_id": "pbx-881", "ticket_id": "\(F.ticketId)", "customer_id": "\(F.requesterId)",
                 "customer_phone": "+34600123456", "agent_id": "\(F.dev)", "direction": "inbound",
                 "started_at": "\(F.iso(F.minutesAgo(2830)))", "ended_at": "\(F.iso(F.minutesAgo(2812)))", "outcome": "dropped",
                 "talk_seconds": 754,
                 "holds": [
                   {"id": "\(F.id(72))", "started_at": "\(F.iso(F.minutesAgo(2825)))", "ended_at": "\(F.iso(F.minutesAgo(2820)))",
                    "told_wait_seconds": 120, "endured_seconds": 305, "without_wait_told": false, "overran": true},
                   {"id": "\(F.id(73))", "started_at": "\(F.iso(F.minutesAgo(2818)))", "ended_at": "\(F.iso(F.minutesAgo(2815)))",
                    "endured_seconds": 190, "without_wait_told": true, "overran": false}],
                 "transfers": [
                   {"id": "\(F.id(74))", "at": "\(F.iso(F.minutesAgo(2822)))", "to_user_id": "\(F.ben)", "note": "Sensor fault, knows the E3 code",
                    "note_missing": false},
                   {"id": "\(F.id(75))", "at": "\(F.iso(F.minutesAgo(2816)))", "to_team_id": "\(F.billing)", "note_missing": true}],
                 "missing_handoff_notes": 1, "callback_promise_id": "\(F.id(52))"}
                """)],
            onRecord: F.decoded(TicketEntitlements.self, """
                {"customer_id": "\(F.requesterId)",
                 "active": [{"id": "\(F.id(81))", "customer_id": "\(F.requesterId)", "product_id": "\(F.id(82))", "kind": "warranty",
                   "starts_on": "2025-06-01", "ends_on": "2027-05-31", "coverage": "Parts and labour", "active": true,
                   "document_ids": ["\(F.id(83))"], "recorded_by": "Ana Costa", "created_at": "\(F.iso(F.minutesAgo(100_000)))"}],
                 "products": [{"id": "\(F.id(82))", "customer_id": "\(F.requesterId)", "model": "LaserJet X200", "serial_number": "SN-77-1234",
                   "purchase_date": "2025-06-01", "purchased_from": "Acme Store Madrid", "created_at": "\(F.iso(F.minutesAgo(100_000)))"}],
                 "documents": [{"id": "\(F.id(83))", "customer_id": "\(F.requesterId)", "filename": "receipt.pdf",
                   "content_type": "application/pdf", "size": 84210, "sha256": "ab12",
                   "uploaded_by": {"type": "customer", "name": "Maria Lopez"}, "created_at": "\(F.iso(F.minutesAgo(7000)))"}]}
                """),
            names: [F.ana: "Ana Costa", F.ben: "Ben Okafor", F.chloe: "Chloé Martin", F.dev: "Dev Patel (left)"],
            escalationTargetMinutes: 60, now: F.now)
    }

    /// About 60 entries: the ticket's story, then 40 exchanges of customer messages, replies and notes.
    static var timeline: TimelinePart {
        var entries: [TimelinePart.Entry] = []
        var messages: [Int: TimelinePart.MessageEntry] = [:]
        var nextId = 500
        func add(_ event: TimelineEvent, _ minutesAgo: Double, actor: String = "Ana Costa", actorId: UUID? = F.ana) {
            addStored(event.kind.rawValue, minutesAgo, actor: actor, actorId: actorId, try! event.storedData())
        }
        func addStored(_ kind: String, _ minutesAgo: Double, actor: String, actorId: UUID?, _ data: String) {
            nextId += 1
            entries.append(.init(
                id: nextId, kind: kind, actorType: actorId == nil ? "system" : "user", actorId: actorId, actorName: actor,
                at: F.minutesAgo(minutesAgo), data: data))
        }
        func message(_ id: Int, _ minutesAgo: Double, customer: Bool, note: Bool = false, _ body: String) {
            messages[id] = .init(
                id: id, visibility: note ? .internal : .public, authorType: customer ? "customer" : "user",
                authorId: customer ? F.requesterId : F.ben, authorName: customer ? "Maria Lopez" : "Ben Okafor", body: body,
                channel: customer ? .email : .web, createdAt: F.minutesAgo(minutesAgo))
            let added = TimelineEvent.NewMessage(
                messageId: id, visibility: note ? .internal : .public, channel: customer ? .email : .web, authorType: customer ? .customer : .user)
            add(note ? .noteAdded(added) : .messageAdded(added), minutesAgo, actor: customer ? "Maria Lopez" : "Ben Okafor",
                actorId: customer ? nil : F.ben)
        }
        let ana = TimelineEvent.Ownership(owner: .named(id: F.ana, name: "Ana Costa"), team: .named(id: F.billing, name: "Billing"))
        let ben = TimelineEvent.Ownership(owner: .named(id: F.ben, name: "Ben Okafor"), team: .named(id: F.hardware, name: "Hardware"))
        let call = F.id(61)
        func promise(_ description: String, due minutesAgo: Double) -> TimelineEvent.PromiseFacts {
            .init(promiseId: F.id(51), kind: .callback, description: description, dueAt: F.minutesAgo(minutesAgo), ownerId: F.ana)
        }
        add(.created(.init(
            subject: "Printer shows E3 after the update", status: .new, priority: .normal, channel: .email, requesterId: F.requesterId,
            teamId: nil, tags: [])), 8640, actor: "Maria Lopez", actorId: nil)
        message(1, 8640, customer: true, "My printer shows E3 since this morning's update. <b>Help</b> & quickly please.")
        add(.assigned(.init(before: .init(owner: .nobody, team: .unrecorded), after: ana)), 8630)
        add(.promiseMade(.init(promise: promise("Call Maria back after the engineer's test", due: 5000), ownerName: "Ana Costa")), 8600)
        add(.handedOff(.init(
            before: ana, after: ben,
            handoff: .init(note: "Firmware 4.2 bricks the E3 sensor; replacement promised by Friday.", noteMissing: false, count: 1))), 4320)
        add(.callStarted(.init(callId: call, direction: "inbound", agentId: nil, customerPhone: "+34600123456", countsAsContact: true)),
            2830, actor: "Phone system", actorId: nil)
        add(.holdOverran(.init(callId: call, holdStartedAt: F.minutesAgo(2825), toldWaitSeconds: 120, enduredSeconds: 305)),
            2820, actor: "Phone system", actorId: nil)
        add(.holdWithoutWaitTold(.init(callId: call, holdStartedAt: F.minutesAgo(2818), toldWaitSeconds: nil, enduredSeconds: 190)),
            2815, actor: "Phone system", actorId: nil)
        add(.callEnded(.init(callId: call, outcome: "dropped", talkSeconds: 754, holds: 2)), 2812, actor: "Phone system", actorId: nil)
        add(.promiseBroken(.init(promise: promise("Call back after the dropped call", due: 2800), lateAction: false)),
            2800, actor: "Frontline", actorId: nil)
        add(.escalated(.init(
            escalationId: F.id(71), reason: "Third contact about the same fault", toUserId: F.chloe, toTeamId: nil, channel: .phone,
            dueAt: F.minutesAgo(2000))), 2060, actor: "Ben Okafor", actorId: F.ben)
        add(.escalationBreached(.init(escalationId: F.id(71), dueAt: F.minutesAgo(2000), channel: .phone)), 2000, actor: "Frontline", actorId: nil)
        add(.runaroundFlagged(.init(index: 7.5, reasons: ["2 hand-offs", "1 broken promise"])), 2880, actor: "Frontline", actorId: nil)
        add(.slaWarning(.init(target: .nextResponse, policy: "VIP hardware", dueAt: F.minutesAgo(90))), 120, actor: "Frontline", actorId: nil)
        add(.slaBreached(.init(target: .nextResponse, policy: "VIP hardware", dueAt: F.minutesAgo(90))), 90, actor: "Frontline", actorId: nil)
        add(.statusChanged(.init(before: .pending, after: .open, reopened: true)), 80, actor: "Ben Okafor", actorId: F.ben)
        add(.priorityChanged(.init(before: .normal, after: .high)), 79, actor: "Ben Okafor", actorId: F.ben)
        add(.tagged(.init(before: [], after: ["firmware", "vip"])), 78, actor: "Ben Okafor", actorId: F.ben)
        add(.promiseKept(.init(promise: promise("Call Maria back", due: 100), action: .outboundCall)), 77)
        // A kind a later version writes: shown as a generic entry.
        addStored("warranty_checked_by_robot", 76, actor: "Frontline", actorId: nil, #"{"what": "a kind this version does not know"}"#)
        for n in 0..<40 {
            let minutes = 75 - Double(n)
            switch n % 3 {
            case 0: message(100 + n, minutes, customer: true, "Still E3 after step \(n + 1). Anything else I can try?")
            case 1: message(100 + n, minutes, customer: false, "Thanks Maria, please hold the reset button for \(n) seconds.")
            default: message(100 + n, minutes, customer: false, note: true, "Internal: sensor batch \(n) is on the recall list.")
            }
        }
        return TimelinePart(entries: entries, messages: messages, olderBefore: entries.first?.id, isLatest: true)
    }
}
