import FrontlineCore
import Vapor

/// The JSON body of `POST /calls/events`.
struct CallEventPayload: Content {
    let id: String
    let type: String
    let callId: String
    let at: Date
    let direction: String?
    let customerPhone: String?
    let agentEmail: String?
    let toldWaitSeconds: Int?
    let toUserEmail: String?
    let toTeamId: UUID?
    let outcome: String?

    enum CodingKeys: String, CodingKey {
        case id, type, at, direction, outcome
        case callId = "call_id", customerPhone = "customer_phone", agentEmail = "agent_email"
        case toldWaitSeconds = "told_wait_seconds", toUserEmail = "to_user_email", toTeamId = "to_team_id"
    }

    static let outcomes: Set<String> = ["resolved", "dropped", "voicemail", "abandoned"]

    /// Checks the fields each type needs; returns the type.
    func validated() throws -> CallEventFact.Kind {
        guard (1...200).contains(id.unicodeScalars.count) else { throw CallError.invalid(field: "id", reason: "id must be 1 to 200 characters") }
        guard (1...200).contains(callId.unicodeScalars.count) else { throw CallError.invalid(field: "call_id", reason: "call_id must be 1 to 200 characters") }
        guard let kind = CallEventFact.Kind(rawValue: type) else {
            throw CallError.invalid(field: "type", reason: "type must be one of \(CallEventFact.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let direction, direction != "inbound" && direction != "outbound" {
            throw CallError.invalid(field: "direction", reason: "direction must be inbound or outbound")
        }
        if let customerPhone, PhoneNumber.normalized(customerPhone) == nil {
            throw CallError.invalid(field: "customer_phone", reason: "customer_phone is not a phone number")
        }
        if let toldWaitSeconds, !(0...86_400).contains(toldWaitSeconds) {
            throw CallError.invalid(field: "told_wait_seconds", reason: "told_wait_seconds must be from 0 to 86400")
        }
        switch kind {
        case .started:
            guard direction != nil else { throw CallError.invalid(field: "direction", reason: "call.started needs direction") }
            guard customerPhone != nil else { throw CallError.invalid(field: "customer_phone", reason: "call.started needs customer_phone") }
        case .transferred:
            guard toUserEmail != nil || toTeamId != nil else {
                throw CallError.invalid(field: "to_user_email", reason: "call.transferred needs to_user_email or to_team_id")
            }
        case .ended:
            guard let outcome, Self.outcomes.contains(outcome) else {
                throw CallError.invalid(field: "outcome", reason: "call.ended needs outcome: resolved, dropped, voicemail or abandoned")
            }
        case .holdStarted, .holdEnded:
            break
        }
        return kind
    }
}
