import Vapor

/// What can go wrong with call events.
enum CallError: FrontlineError {
    case notConfigured
    case badSignature(String)
    case invalid(field: String, reason: String)
    case noteAlreadyGiven

    var status: HTTPResponseStatus {
        switch self {
        case .notConfigured: .serviceUnavailable
        case .badSignature: .unauthorized
        case .invalid: .unprocessableEntity
        case .noteAlreadyGiven: .conflict
        }
    }

    var code: String {
        switch self {
        case .notConfigured: "calls_not_configured"
        case .badSignature: "invalid_signature"
        case .invalid: "invalid_value"
        case .noteAlreadyGiven: "handoff_note_exists"
        }
    }

    var reason: String {
        switch self {
        case .notConfigured: "call events are off: set CALLS_WEBHOOK_SECRET to receive them"
        case .badSignature(let why): why
        case .invalid(_, let reason): reason
        case .noteAlreadyGiven: "this transfer already has its context note"
        }
    }

    var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }
}
