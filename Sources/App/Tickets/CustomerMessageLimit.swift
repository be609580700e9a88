import Fluent
import Vapor

/// How many messages one customer may write in a while, through the API and the portal, so a
/// script with a customer's token cannot fill a ticket (and every agent's screen) with thousands
/// of messages. Counted per customer, not per address: a token works from anywhere. Mail has its
/// own defences at intake.
enum CustomerMessageLimit {
    static let limit = RateLimit(scope: "customer_message", limit: 30, window: 10 * 60)

    /// Counts one message of `actor`, or refuses it with 429 and `Retry-After` when the customer is
    /// over the limit. Staff are not limited here.
    static func count(_ actor: Actor, request: Request) async throws {
        guard actor.kind == .customer, let id = actor.id else { return }
        let key = id.uuidString
        let now = request.now
        // Counted and admitted in one statement, so messages sent at once cannot slip past together.
        let decision = try await request.write { db in try await limit.admit(key, on: db, at: now) }
        if case .refused(let seconds) = decision { throw TooManyMessages(retryAfter: seconds) }
    }

    /// 429 with the seconds until the customer's window closes.
    struct TooManyMessages: FrontlineError {
        let retryAfter: Int
        var status: HTTPResponseStatus { .tooManyRequests }
        var code: String { "too_many_messages" }
        var reason: String { "too many messages in a short time; wait \(max(1, retryAfter / 60)) minutes and try again" }
        var headers: HTTPHeaders { ["Retry-After": String(retryAfter)] }
    }
}
