import Fluent
import FrontlineMail
import Vapor

/// Puts mail in the outbox, inside the caller's transaction: the reply and the mail that carries
/// it commit together or not at all.
struct MailOutbox {
    let db: any Database
    let now: Date

    /// At most three automatic answers an hour to one address, whatever it sends us.
    static let acknowledgementLimit = AutoReplyRateLimit(maxPerWindow: 3, window: 3600)

    /// Queues a public reply of the desk for the ticket's requester.
    func enqueueReply(_ message: Message, on ticket: Ticket) async throws {
        guard let requester = try await Customer.find(ticket.requesterId, on: db) else { return }
        try await OutboxMail(
            ticketId: try ticket.requireID(), messageId: try message.requireID(), kind: .reply,
            recipient: requester.emailNormalized, at: now
        ).create(on: db)
    }

    /// Queues the "we have your request" answer, unless the message is itself automatic, from a
    /// list or from us (RFC 3834), the address bounces, or it already had its share of automatic mail.
    func acknowledge(_ ticket: Ticket, to email: String, inReplyTo parsed: ParsedMessage, ourAddresses: Set<String>) async throws {
        guard AutoReplyPolicy.mayAutoReply(to: parsed, ourAddresses: ourAddresses).isAllowed else { return }
        let address = EmailAddress.normalized(email)
        if try await BouncingAddress.query(on: db).filter(\.$email == address).first() != nil { return }
        let window = now.addingTimeInterval(-Self.acknowledgementLimit.window)
        let previous = try await OutboxMail.query(on: db)
            .filter(\.$recipient == address).filter(\.$kind == .acknowledgement).filter(\.$createdAt > window)
            .all().map(\.createdAt)
        guard Self.acknowledgementLimit.allows(previousRepliesAt: previous, now: now) else { return }
        try await OutboxMail(ticketId: try ticket.requireID(), messageId: nil, kind: .acknowledgement, recipient: address, at: now)
            .create(on: db)
    }
}
