import FrontlineCore
import Vapor

/// A promise as the customer it was made to sees it: what, by when, and how it ended. The owner's
/// id, the reason a promise was cancelled, reminders and call links stay on the desk.
struct CustomerPromiseDTO: Content {
    let id: UUID
    let ticketId: UUID
    let kind: PromiseKind
    let description: String
    let dueAt: Date
    let state: PromiseState
    let resolution: String?
    let resolvedAt: Date?
    let madeBy: String
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, description, state, resolution
        case ticketId = "ticket_id", dueAt = "due_at", resolvedAt = "resolved_at", madeBy = "made_by"
        case createdAt = "created_at"
    }

    init(_ promise: CustomerPromise) throws {
        id = try promise.requireID()
        ticketId = promise.ticketId
        kind = promise.kind
        description = promise.promiseDescription
        dueAt = promise.dueAt
        state = promise.state
        resolution = promise.resolution
        resolvedAt = promise.resolvedAt
        madeBy = promise.madeByName
        createdAt = promise.createdAt
    }
}

/// The promises on a customer's ticket.
struct CustomerPromiseList: Content {
    let promises: [CustomerPromiseDTO]
}
