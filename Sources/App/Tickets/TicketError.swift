import Vapor

/// What can go wrong when working a ticket.
enum TicketError: FrontlineError {
    case closed(number: Int)
    case alreadyOwned(number: Int)
    case noteRequired
    case nothingToHandOff
    case sameOwner
    case teamChangeIsHandoff
    case invalidStatusChange(from: String, to: String)
    case customerCannotAddNotes
    case invalid(field: String, reason: String)

    var status: HTTPResponseStatus {
        switch self {
        case .closed, .alreadyOwned: .conflict
        case .customerCannotAddNotes: .forbidden
        default: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .closed: "ticket_closed"
        case .alreadyOwned: "already_owned"
        case .noteRequired: "handoff_note_required"
        case .nothingToHandOff: "handoff_target_required"
        case .sameOwner: "handoff_to_current_owner"
        case .teamChangeIsHandoff: "team_change_is_handoff"
        case .invalidStatusChange: "invalid_status_change"
        case .customerCannotAddNotes: "forbidden"
        case .invalid: "invalid_value"
        }
    }

    var reason: String {
        switch self {
        case .closed(let number): "ticket #\(number) is closed; a new contact opens a follow-up ticket"
        case .alreadyOwned(let number): "ticket #\(number) already has an owner; changing it is a hand-off (POST /tickets/{id}/handoffs with a note)"
        case .noteRequired: "a hand-off needs a context note for the receiver: what the customer needs, what was tried, what was promised"
        case .nothingToHandOff: "a hand-off needs to_user_id or to_team_id"
        case .sameOwner: "the ticket already belongs to that owner and team"
        case .teamChangeIsHandoff: "the ticket already has a team; moving it is a hand-off (POST /tickets/{id}/handoffs with a note)"
        case .invalidStatusChange(let from, let to): "a ticket cannot go from \(from) to \(to)"
        case .customerCannotAddNotes: "customers write public messages only"
        case .invalid(_, let reason): reason
        }
    }

    var field: String? {
        switch self {
        case .noteRequired: "note"
        case .nothingToHandOff: "to_user_id"
        case .teamChangeIsHandoff: "team_id"
        case .invalidStatusChange: "status"
        case .invalid(let field, _): field
        default: nil
        }
    }
}
