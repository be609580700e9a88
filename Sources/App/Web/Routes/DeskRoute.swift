import Foundation

/// The desk's routes, under `/desk`: views, saved filters, search, customers, tickets and the
/// live streams.
enum DeskRoute: Sendable, Hashable {
    /// `/desk`: sends the agent to the view their role lands on.
    case home
    case view(Parameter<DeskViewKind>)
    case runaround
    case promises
    case saveFilter
    case filter(Parameter<UUID>)
    case deleteFilter(Parameter<UUID>)
    case search
    case customer(Parameter<UUID>)
    case organization(Parameter<UUID>)
    case ticket(Parameter<Int>, TicketRoute = .page)
    case document(Parameter<UUID>)
    case ticketStream(Parameter<Int>)
    case listStream

    var segments: [RouteSegment] {
        switch self {
        case .home: []
        case let .view(kind): ["views", .parameter("view", kind)]
        case .runaround: ["views", "runaround"]
        case .promises: ["views", "promises"]
        case .saveFilter: ["filters"]
        case let .filter(id): ["filters", .parameter("filterID", id)]
        case let .deleteFilter(id): ["filters", .parameter("filterID", id), "delete"]
        case .search: ["search"]
        case let .customer(id): ["customers", .parameter("customerID", id)]
        case let .organization(id): ["organizations", .parameter("organizationID", id)]
        case let .ticket(number, action): ["tickets", .parameter("number", number)] + action.segments
        case let .document(id): ["documents", .parameter("documentID", id)]
        case let .ticketStream(number): ["stream", "tickets", .parameter("number", number)]
        case .listStream: ["stream", "list"]
        }
    }
}

/// One ticket's page and the forms on it, under `/desk/tickets/:number`.
enum TicketRoute: Sendable, Hashable {
    case page
    case reply
    case note
    case update
    case assign
    case handoff
    case presence
    case addParticipant
    case removeParticipant
    case makePromise
    case keepPromise(Parameter<UUID>)
    case cancelPromise(Parameter<UUID>)
    case escalate
    case transferNote(call: Parameter<UUID>, transfer: Parameter<UUID>)
    case attachDocument
    case coachingQueue
    case learning
    case insight
    case policyFriction
    case customerKudos

    var segments: [RouteSegment] {
        switch self {
        case .page: []
        case .reply: ["reply"]
        case .note: ["note"]
        case .update: ["update"]
        case .assign: ["assign"]
        case .handoff: ["handoff"]
        case .presence: ["presence"]
        case .addParticipant: ["participants"]
        case .removeParticipant: ["participants", "remove"]
        case .makePromise: ["promises"]
        case let .keepPromise(id): ["promises", .parameter("promiseID", id), "keep"]
        case let .cancelPromise(id): ["promises", .parameter("promiseID", id), "cancel"]
        case .escalate: ["escalations"]
        case let .transferNote(call, transfer):
            ["calls", .parameter("callID", call), "transfers", .parameter("transferID", transfer), "note"]
        case .attachDocument: ["documents"]
        case .coachingQueue: ["coaching-queue"]
        case .learning: ["learning"]
        case .insight: ["insights"]
        case .policyFriction: ["policy-frictions"]
        case .customerKudos: ["customer-kudos"]
        }
    }
}
