/// A public message is seen by the customer; an internal note never is.
public enum MessageVisibility: String, Codable, CaseIterable, Sendable {
    case `public`
    case `internal`
}
