/// The kinds of entries on a ticket's timeline, every one this version writes, as they are stored
/// (`ticket_events.kind`). Stored as strings, so a later version can add kinds without a
/// migration; a row of a kind not listed here is read as a generic entry. The payload of each kind
/// is the App's `TimelineEvent`.
public enum EventKind: String, Codable, CaseIterable, Sendable {
    // The ticket itself.
    case created
    case assigned
    case handedOff = "handed_off"
    case statusChanged = "status_changed"
    case priorityChanged = "priority_changed"
    case tagged
    case teamChanged = "team_changed"
    case customFieldsChanged = "custom_fields_changed"
    case messageAdded = "message_added"
    case noteAdded = "note_added"
    // The runaround index.
    case runaroundFlagged = "runaround_flagged"
    // Promises.
    case promiseMade = "promise_made"
    case promiseKept = "promise_kept"
    case promiseCancelled = "promise_cancelled"
    case promiseBroken = "promise_broken"
    // Phone calls.
    case callStarted = "call_started"
    case callEnded = "call_ended"
    case holdWithoutWaitTold = "hold_without_wait_told"
    case holdOverran = "hold_overran"
    case handoffNoteAdded = "handoff_note_added"
    // Escalations.
    case escalated
    case escalationAnswered = "escalation_answered"
    case escalationBreached = "escalation_breached"
    // SLA clocks.
    case slaPolicyChanged = "sla_policy_changed"
    case slaWarning = "sla_warning"
    case slaBreached = "sla_breached"
    // Mail.
    case mailSent = "mail_sent"
    case deliveryFailed = "delivery_failed"
    case mailBounced = "mail_bounced"
    case followUpCreated = "follow_up_created"
    case followUpOf = "follow_up_of"
    case participantAdded = "participant_added"
    case participantRemoved = "participant_removed"
}
