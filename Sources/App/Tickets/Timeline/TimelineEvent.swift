import FrontlineCore
import Foundation

/// One entry of a ticket's timeline as this version writes it: its kind and that kind's payload.
/// Every writer builds its events here and every reader decodes them here, so renaming a kind or
/// a payload field is a compile error in each place that uses it, not a silent break. The
/// payloads live with their features (`TimelineEvent.PromiseMade` in Promises/, ...); their
/// stored form is exactly the JSON the desk has always written (see `TimelineCoding`).
///
/// A row this version cannot read (a kind it does not know, or data that is not that kind's
/// payload) has no `TimelineEvent`: the timeline shows it as a generic entry and the API returns
/// it as it is stored.
enum TimelineEvent: Sendable, Equatable {
    // The ticket itself (Tickets/Timeline/TicketTimelineEvents.swift).
    case created(Created)
    /// A first owner, or routing a ticket that had neither owner nor team.
    case assigned(OwnershipChange)
    case handedOff(OwnershipChange)
    case statusChanged(StatusChange)
    case priorityChanged(PriorityChange)
    case tagged(TagChange)
    case teamChanged(TeamChange)
    case customFieldsChanged(CustomFieldsChange)
    case messageAdded(NewMessage)
    case noteAdded(NewMessage)
    // Runaround/.
    case runaroundFlagged(RunaroundFlag)
    // Promises/.
    case promiseMade(PromiseMade)
    case promiseKept(PromiseKept)
    case promiseCancelled(PromiseCancelled)
    case promiseBroken(PromiseBroken)
    // Calls/.
    case callStarted(CallStarted)
    case callEnded(CallEnded)
    case holdWithoutWaitTold(HoldReport)
    case holdOverran(HoldReport)
    case handoffNoteAdded(TransferNote)
    // Escalations/.
    case escalated(Escalated)
    case escalationAnswered(EscalationAnswered)
    case escalationBreached(EscalationBreached)
    // SLA/.
    case slaPolicyChanged(SLAPolicyChange)
    case slaWarning(SLAClockAlert)
    case slaBreached(SLAClockAlert)
    // Mail/.
    case mailSent(MailSent)
    case deliveryFailed(DeliveryFailure)
    case mailBounced(MailBounce)
    case followUpCreated(FollowUpCreated)
    case followUpOf(FollowUpOf)
    case participantAdded(ParticipantChange)
    case participantRemoved(ParticipantChange)

    var kind: EventKind { parts.kind }

    /// The `ticket_events.data` text.
    func storedData() throws -> String {
        try TimelineCoding.encode(parts.payload)
    }

    private var parts: (kind: EventKind, payload: any Encodable & Sendable) {
        switch self {
        case .created(let payload): (.created, payload)
        case .assigned(let payload): (.assigned, payload)
        case .handedOff(let payload): (.handedOff, payload)
        case .statusChanged(let payload): (.statusChanged, payload)
        case .priorityChanged(let payload): (.priorityChanged, payload)
        case .tagged(let payload): (.tagged, payload)
        case .teamChanged(let payload): (.teamChanged, payload)
        case .customFieldsChanged(let payload): (.customFieldsChanged, payload)
        case .messageAdded(let payload): (.messageAdded, payload)
        case .noteAdded(let payload): (.noteAdded, payload)
        case .runaroundFlagged(let payload): (.runaroundFlagged, payload)
        case .promiseMade(let payload): (.promiseMade, payload)
        case .promiseKept(let payload): (.promiseKept, payload)
        case .promiseCancelled(let payload): (.promiseCancelled, payload)
        case .promiseBroken(let payload): (.promiseBroken, payload)
        case .callStarted(let payload): (.callStarted, payload)
        case .callEnded(let payload): (.callEnded, payload)
        case .holdWithoutWaitTold(let payload): (.holdWithoutWaitTold, payload)
        case .holdOverran(let payload): (.holdOverran, payload)
        case .handoffNoteAdded(let payload): (.handoffNoteAdded, payload)
        case .escalated(let payload): (.escalated, payload)
        case .escalationAnswered(let payload): (.escalationAnswered, payload)
        case .escalationBreached(let payload): (.escalationBreached, payload)
        case .slaPolicyChanged(let payload): (.slaPolicyChanged, payload)
        case .slaWarning(let payload): (.slaWarning, payload)
        case .slaBreached(let payload): (.slaBreached, payload)
        case .mailSent(let payload): (.mailSent, payload)
        case .deliveryFailed(let payload): (.deliveryFailed, payload)
        case .mailBounced(let payload): (.mailBounced, payload)
        case .followUpCreated(let payload): (.followUpCreated, payload)
        case .followUpOf(let payload): (.followUpOf, payload)
        case .participantAdded(let payload): (.participantAdded, payload)
        case .participantRemoved(let payload): (.participantRemoved, payload)
        }
    }

    /// The event a stored row holds, or nil when this version cannot read it.
    init?(kind rawKind: String, data: String) {
        guard let kind = EventKind(rawValue: rawKind) else { return nil }
        do {
            self = try Self.decode(kind, data)
        } catch {
            return nil
        }
    }

    private static func decode(_ kind: EventKind, _ data: String) throws -> TimelineEvent {
        func payload<Payload: Decodable>(_ type: Payload.Type = Payload.self) throws -> Payload {
            try TimelineCoding.decode(type, from: data)
        }
        return switch kind {
        case .created: .created(try payload())
        case .assigned: .assigned(try payload())
        case .handedOff: .handedOff(try payload())
        case .statusChanged: .statusChanged(try payload())
        case .priorityChanged: .priorityChanged(try payload())
        case .tagged: .tagged(try payload())
        case .teamChanged: .teamChanged(try payload())
        case .customFieldsChanged: .customFieldsChanged(try payload())
        case .messageAdded: .messageAdded(try payload())
        case .noteAdded: .noteAdded(try payload())
        case .runaroundFlagged: .runaroundFlagged(try payload())
        case .promiseMade: .promiseMade(try payload())
        case .promiseKept: .promiseKept(try payload())
        case .promiseCancelled: .promiseCancelled(try payload())
        case .promiseBroken: .promiseBroken(try payload())
        case .callStarted: .callStarted(try payload())
        case .callEnded: .callEnded(try payload())
        case .holdWithoutWaitTold: .holdWithoutWaitTold(try payload())
        case .holdOverran: .holdOverran(try payload())
        case .handoffNoteAdded: .handoffNoteAdded(try payload())
        case .escalated: .escalated(try payload())
        case .escalationAnswered: .escalationAnswered(try payload())
        case .escalationBreached: .escalationBreached(try payload())
        case .slaPolicyChanged: .slaPolicyChanged(try payload())
        case .slaWarning: .slaWarning(try payload())
        case .slaBreached: .slaBreached(try payload())
        case .mailSent: .mailSent(try payload())
        case .deliveryFailed: .deliveryFailed(try payload())
        case .mailBounced: .mailBounced(try payload())
        case .followUpCreated: .followUpCreated(try payload())
        case .followUpOf: .followUpOf(try payload())
        case .participantAdded: .participantAdded(try payload())
        case .participantRemoved: .participantRemoved(try payload())
        }
    }
}
