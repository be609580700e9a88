import FrontlineCore
import Vapor

/// `POST /tickets`.
struct CreateTicketRequest: Content {
    struct Requester: Content {
        let email: String
        let name: String?
    }

    let subject: String
    let body: String
    let requester: Requester?
    let channel: TicketChannel?
    let priority: TicketPriority?
    let tags: [String]?
    let teamId: UUID?

    enum CodingKeys: String, CodingKey {
        case subject, body, requester, channel, priority, tags
        case teamId = "team_id"
    }
}

/// `PATCH /tickets/{id}`.
struct UpdateTicketRequest: Content {
    let status: TicketStatus?
    let priority: TicketPriority?
    let tags: [String]?
    let teamId: UUID?
    let customFields: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case status, priority, tags
        case teamId = "team_id", customFields = "custom_fields"
    }
}

/// `POST /tickets/{id}/messages`.
struct CreateMessageRequest: Content {
    let body: String
    let visibility: MessageVisibility?
    /// Staff may set the ticket's status with the reply, e.g. reply and set pending.
    let status: TicketStatus?
}

/// `POST /tickets/{id}/assign`.
struct AssignRequest: Content {
    let ownerId: UUID

    enum CodingKeys: String, CodingKey {
        case ownerId = "owner_id"
    }
}

/// `POST /tickets/{id}/handoffs`.
struct HandoffRequest: Content {
    let toUserId: UUID?
    let toTeamId: UUID?
    let note: String?

    enum CodingKeys: String, CodingKey {
        case note
        case toUserId = "to_user_id", toTeamId = "to_team_id"
    }
}
