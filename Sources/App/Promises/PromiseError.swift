import FrontlineCore
import Vapor

/// What can go wrong with a promise, as the API explains it.
enum PromiseError: FrontlineError {
    case rule(PromiseRuleError)
    case noOwner
    case notOwner

    var status: HTTPResponseStatus {
        switch self {
        case .rule(.alreadyFinal), .rule(.cancelAfterDue), .rule(.lapseBeforeDue): .conflict
        case .rule: .unprocessableEntity
        case .noOwner: .unprocessableEntity
        case .notOwner: .forbidden
        }
    }

    var code: String {
        switch self {
        case .rule(.alreadyFinal): "promise_final"
        case .rule(.cancelReasonRequired): "cancel_reason_required"
        case .rule(.cancelAfterDue): "promise_overdue"
        case .rule(.lapseBeforeDue): "promise_not_due"
        case .rule(.actionDoesNotKeep): "action_does_not_keep_promise"
        case .noOwner: "promise_owner_required"
        case .notOwner: "forbidden"
        }
    }

    var reason: String {
        switch self {
        case .rule(let error): error.description
        case .noOwner: "the ticket has no owner; name the promise's owner with owner_id"
        case .notOwner: "only the promise's owner or a lead can mark it kept"
        }
    }

    var field: String? {
        switch self {
        case .rule(.cancelReasonRequired): "reason"
        case .noOwner: "owner_id"
        default: nil
        }
    }
}
