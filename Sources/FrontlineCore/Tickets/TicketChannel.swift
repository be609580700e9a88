/// How a contact reached the desk (or how a reply leaves it).
public enum TicketChannel: String, Codable, CaseIterable, Sendable {
    case email
    case web
    case portal
    case chat
    case phone
    case api
}
