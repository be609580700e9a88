import Foundation

/// The customer portal, under `/portal`: sign-in by link or password, the customer's own
/// requests and documents.
enum PortalRoute: Sendable, Hashable {
    case home
    case signIn
    case link(Parameter<String>)
    case newRequest
    case ticket(Parameter<Int>, PortalTicketRoute = .page)
    case documents
    case document(Parameter<UUID>)
    case password

    var segments: [RouteSegment] {
        switch self {
        case .home: []
        case .signIn: ["login"]
        case let .link(token): ["link", .parameter("token", token)]
        case .newRequest: ["new"]
        case let .ticket(number, action): ["tickets", .parameter("number", number)] + action.segments
        case .documents: ["documents"]
        case let .document(id): ["documents", .parameter("documentID", id)]
        case .password: ["password"]
        }
    }
}

/// A customer's own ticket and what they can do on it.
enum PortalTicketRoute: Sendable, Hashable {
    case page
    case reply
    case solve

    var segments: [RouteSegment] {
        switch self {
        case .page: []
        case .reply: ["reply"]
        case .solve: ["solve"]
        }
    }
}
