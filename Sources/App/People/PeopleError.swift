import FrontlineCore
import Vapor

/// What can go wrong in the people features: duties, coaching, profiles, kudos, skills, careers.
enum PeopleError: FrontlineError {
    case kudosToSelf
    case notYours(String)
    case occurrencesNeedAdHoc
    case alreadyPromoted
    case statusChange(from: String, to: String)
    case confirmOwnSkill
    case roleProfile(RoleProfileError)
    case invalid(field: String, reason: String)

    var status: HTTPResponseStatus {
        switch self {
        case .notYours, .confirmOwnSkill: .forbidden
        case .alreadyPromoted: .conflict
        default: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .kudosToSelf: "kudos_to_self"
        case .notYours: "forbidden"
        case .occurrencesNeedAdHoc: "duty_not_ad_hoc"
        case .alreadyPromoted: "already_promoted"
        case .statusChange: "invalid_status_change"
        case .confirmOwnSkill: "forbidden"
        case .roleProfile(let error):
            switch error {
            case .unknownQuestion: "unknown_question"
            case .unknownChoice: "unknown_choice"
            case .answeredTwice: "answered_twice"
            case .unanswered: "unanswered_questions"
            default: "questionnaire_invalid"
            }
        case .invalid: "invalid_value"
        }
    }

    var reason: String {
        switch self {
        case .kudosToSelf: "kudos are for someone else: you cannot give kudos to yourself"
        case .notYours(let what): what
        case .occurrencesNeedAdHoc: "only ad-hoc duties have occurrences; daily, weekly and monthly duties recur by their cadence"
        case .alreadyPromoted: "this learning entry has already been promoted to a knowledge-base draft"
        case .statusChange(let from, let to): "an insight moves forward only (new → reviewed → accepted → fixed, or declined); \(from) → \(to) needs an admin"
        case .confirmOwnSkill: "a lead or manager confirms skills; you cannot confirm your own"
        case .roleProfile(let error): error.description
        case .invalid(_, let reason): reason
        }
    }

    var field: String? {
        switch self {
        case .kudosToSelf: "to_user_id"
        case .occurrencesNeedAdHoc: "duty_id"
        case .statusChange: "status"
        case .roleProfile(let error):
            switch error {
            case .unknownQuestion(let id), .answeredTwice(let id): "answers.\(id)"
            case .unknownChoice(let id, _): "answers.\(id)"
            case .unanswered: "answers"
            default: nil
            }
        case .invalid(let field, _): field
        default: nil
        }
    }
}
