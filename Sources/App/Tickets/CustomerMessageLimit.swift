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
        if try await limit.isExceeded(for: key, on: request.db, at: now) { throw TooManyMessages(window: limit.window) }
        try await request.write { db in try await limit.hit(key, on: db, at: now) }
    }

    /// 429 with the seconds to wait: the whole window, since the oldest message in it may be recent.
    struct TooManyMessages: FrontlineError {
        let window: TimeInterval
        var status: HTTPResponseStatus { .tooManyRequests }
        var code: String { "too_many_messages" }
        var reason: String { "too many messages in a short time; wait \(Int(window / 60)) minutes and try again" }
        var headers: HTTPHeaders { ["Retry-After": String(Int(window))] }
    }
}
