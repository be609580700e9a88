import Vapor

/// A call as the API shows it: talk time, each hold with the wait told and endured, transfers
/// with their hand-off notes, and how many of those notes are still missing.
struct CallDTO: Content {
    struct Hold: Content {
        let id: UUID
        let startedAt: Date
        let endedAt: Date?
        let toldWaitSeconds: Int?
        let enduredSeconds: Int?
        let withoutWaitTold: Bool
        let overran: Bool

        enum CodingKeys: String, CodingKey {
            case id, overran
            case startedAt = "started_at", endedAt = "ended_at", toldWaitSeconds = "told_wait_seconds"
            case enduredSeconds = "endured_seconds", withoutWaitTold = "without_wait_told"
        }
    }

    struct Transfer: Content {
        let id: UUID
        let at: Date
        let toUserId: UUID?
        let toTeamId: UUID?
        let note: String?
        let noteMissing: Bool

        enum CodingKeys: String, CodingKey {
            case id, at, note
            case toUserId = "to_user_id", toTeamId = "to_team_id", noteMissing = "note_missing"
        }
    }

    let id: UUID
    let externalId: String
    let ticketId: UUID?
    let customerId: UUID?
    let customerPhone: String?
    let agentId: UUID?
    let direction: String?
    let startedAt: Date?
    let endedAt: Date?
    let outcome: String?
    let talkSeconds: Int?
    let holds: [Hold]
    let transfers: [Transfer]
    let missingHandoffNotes: Int
    let callbackPromiseId: UUID?

    enum CodingKeys: String, CodingKey {
        case id, direction, outcome, holds, transfers
        case externalId = "external_id", ticketId = "ticket_id", customerId = "customer_id", customerPhone = "customer_phone"
        case agentId = "agent_id", startedAt = "started_at", endedAt = "ended_at", talkSeconds = "talk_seconds"
        case missingHandoffNotes = "missing_handoff_notes", callbackPromiseId = "callback_promise_id"
    }

    init(_ call: PhoneCall, holds: [CallHold], transfers: [CallTransfer]) throws {
        id = try call.requireID()
        externalId = call.externalId
        ticketId = call.ticketId
        customerId = call.customerId
        customerPhone = call.customerPhone
        agentId = call.agentId
        direction = call.direction
        startedAt = call.startedAt
        endedAt = call.endedAt
        outcome = call.outcome
        talkSeconds = call.talkSeconds
        self.holds = try holds.sorted { $0.startedAt < $1.startedAt }.map { hold in
            Hold(
                id: try hold.requireID(), startedAt: hold.startedAt, endedAt: hold.endedAt, toldWaitSeconds: hold.toldWaitSeconds,
                enduredSeconds: hold.enduredSeconds, withoutWaitTold: hold.toldWaitSeconds == nil,
                overran: hold.toldWaitSeconds.map { told in (hold.enduredSeconds ?? 0) > told } ?? false)
        }
        self.transfers = try transfers.sorted { $0.at < $1.at }.map {
            Transfer(id: try $0.requireID(), at: $0.at, toUserId: $0.toUserId, toTeamId: $0.toTeamId, note: $0.note, noteMissing: $0.note == nil)
        }
        missingHandoffNotes = self.transfers.filter(\.noteMissing).count
        callbackPromiseId = call.callbackPromiseId
    }
}

/// `GET /tickets/{id}/calls`.
struct CallList: Content {
    let calls: [CallDTO]
    let missingHandoffNotes: Int

    enum CodingKeys: String, CodingKey {
        case calls
        case missingHandoffNotes = "missing_handoff_notes"
    }
}

/// The answer to a call event.
struct CallEventReceipt: Content {
    let accepted: Bool
    let duplicate: Bool
    let callId: UUID?

    enum CodingKeys: String, CodingKey {
        case accepted, duplicate
        case callId = "call_id"
    }
}

/// `POST /calls/{id}/transfers/{id}/note`.
struct TransferNoteRequest: Content {
    let note: String?
}
