import FrontlineCore
import Vapor

/// A promise as the API shows it.
struct PromiseDTO: Content {
    let id: UUID
    let ticketId: UUID
    let kind: PromiseKind
    let description: String
    let dueAt: Date
    let ownerId: UUID
    let state: PromiseState
    let resolution: String?
    let cancelReason: String?
    let resolvedAt: Date?
    let remindedAt: Date?
    let callId: UUID?
    let madeBy: String
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, description, state, resolution
        case ticketId = "ticket_id", dueAt = "due_at", ownerId = "owner_id", cancelReason = "cancel_reason"
        case resolvedAt = "resolved_at", remindedAt = "reminded_at", callId = "call_id", madeBy = "made_by"
        case createdAt = "created_at"
    }

    init(_ promise: CustomerPromise) throws {
        id = try promise.requireID()
        ticketId = promise.ticketId
        kind = promise.kind
        description = promise.promiseDescription
        dueAt = promise.dueAt
        ownerId = promise.ownerId
        state = promise.state
        resolution = promise.resolution
        cancelReason = promise.cancelReason
        resolvedAt = promise.resolvedAt
        remindedAt = promise.remindedAt
        callId = promise.callId
        madeBy = promise.madeByName
        createdAt = promise.createdAt
    }
}

/// `POST /tickets/{id}/promises`.
struct MakePromiseRequest: Content {
    let kind: PromiseKind
    let description: String
    let dueAt: Date
    let ownerId: UUID?

    enum CodingKeys: String, CodingKey {
        case kind, description
        case dueAt = "due_at", ownerId = "owner_id"
    }
}

/// `POST /promises/{id}/cancel`.
struct CancelPromiseRequest: Content {
    let reason: String?
}

/// A list of promises.
struct PromiseList: Content {
    let promises: [PromiseDTO]
}

/// `GET /reports/promises`: how many promises are in each state.
struct PromiseReport: Content {
    let teamId: UUID?
    let ownerId: UUID?
    let pending: Int
    let kept: Int
    let broken: Int
    let cancelled: Int
    let total: Int

    enum CodingKeys: String, CodingKey {
        case pending, kept, broken, cancelled, total
        case teamId = "team_id", ownerId = "owner_id"
    }
}
