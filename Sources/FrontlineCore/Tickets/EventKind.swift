/// The kinds of entries on a ticket's timeline. Stored as strings so that new kinds can be added
/// by later features without a migration; unknown kinds read back as their raw string.
public enum EventKind: String, Codable, CaseIterable, Sendable {
    case created
    case assigned
    case handedOff = "handed_off"
    case statusChanged = "status_changed"
    case priorityChanged = "priority_changed"
    case tagged
    case untagged
    case teamChanged = "team_changed"
    case customFieldsChanged = "custom_fields_changed"
    case messageAdded = "message_added"
    case noteAdded = "note_added"
}
