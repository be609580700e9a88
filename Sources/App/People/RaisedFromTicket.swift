import Fluent
import FrontlineCore
import Foundation
import Vapor

/// What staff raise from a ticket once it has taught them something (seed 003, "learn every day";
/// seed 001, "remove nonsensical policies"): a ticket for the coaching queue, a learning entry,
/// a product insight, a policy friction. The API and the ticket page both raise them through here,
/// inside their write, so the rules and messages are the same on both.
enum RaisedFromTicket {
    /// Sends the ticket to the coaching queue; the item is about the ticket's owner.
    static func queueForCoaching(
        ticketId: UUID, reason rawReason: String?, by user: User, on db: any Database, at now: Date
    ) async throws -> (item: CoachingQueueItem, ticket: Ticket) {
        let reason = try PeopleInput.text(rawReason, field: "reason", max: 1000)
        guard let ticket = try await Ticket.find(ticketId, on: db) else { throw RequestError.notFound("ticket") }
        let item = CoachingQueueItem(ticketId: ticketId, agentId: ticket.ownerId, raisedBy: try user.requireID(), reason: reason, at: now)
        try await item.create(on: db)
        return (item, ticket)
    }

    /// "What I learned", linked to the ticket it came from when there is one.
    static func learning(
        about: LearningTopic?, text rawText: String?, ticketId: UUID?, by author: User, on db: any Database, at now: Date
    ) async throws -> LearningEntry {
        guard let about else { throw RequestError(.unprocessableEntity, "missing_field", "about is required", field: "about") }
        let text = try PeopleInput.text(rawText, field: "text", max: 10_000)
        if let ticketId, try await Ticket.find(ticketId, on: db) == nil {
            throw PeopleError.invalid(field: "ticket_id", reason: "no ticket has that id")
        }
        let entry = LearningEntry(authorId: try author.requireID(), about: about, text: text, ticketId: ticketId, at: now)
        try await entry.create(on: db)
        return entry
    }

    /// A product insight raised from at least one ticket.
    static func insight(
        title rawTitle: String?, description rawDescription: String?, product rawProduct: String?, theme rawTheme: String?,
        ticketIds rawTicketIds: [UUID], by user: User, on db: any Database, at now: Date
    ) async throws -> Insight {
        let title = try PeopleInput.text(rawTitle, field: "title")
        let description = try PeopleInput.text(rawDescription, field: "description", max: 10_000)
        let product = try PeopleInput.optionalText(rawProduct, field: "product", max: 100)
        let theme = try PeopleInput.optionalText(rawTheme, field: "theme", max: 100)
        let ticketIds = Array(Set(rawTicketIds))
        guard !ticketIds.isEmpty else { throw PeopleError.invalid(field: "ticket_ids", reason: "an insight is raised from at least one ticket") }
        try await TicketFigures.requireTickets(ticketIds, field: "ticket_ids", on: db)
        let insight = Insight()
        insight.title = title
        insight.insightDescription = description
        insight.product = product
        insight.theme = theme
        insight.status = .new
        insight.raisedBy = try user.requireID()
        insight.createdAt = now
        insight.updatedAt = insight.createdAt
        try await insight.create(on: db)
        for ticketId in ticketIds {
            try await InsightTicket(insightId: try insight.requireID(), ticketId: ticketId, addedBy: try user.requireID(), at: now).create(on: db)
        }
        return insight
    }

    /// A policy that creates work and penalises customers, flagged from the ticket where it bit.
    static func policyFriction(
        policy rawPolicy: String?, description rawDescription: String?, ticketId: UUID?, revenueAtRisk: Decimal?,
        by user: User, on db: any Database, at now: Date
    ) async throws -> PolicyFriction {
        let policy = try PeopleInput.text(rawPolicy, field: "policy")
        let description = try PeopleInput.text(rawDescription, field: "description", max: 10_000)
        guard let ticketId else { throw RequestError(.unprocessableEntity, "missing_field", "ticket_id is required", field: "ticket_id") }
        let cents = try cents(revenueAtRisk)
        try await TicketFigures.requireTickets([ticketId], field: "ticket_id", on: db)
        let friction = PolicyFriction()
        friction.policy = policy
        friction.frictionDescription = description
        friction.raisedBy = try user.requireID()
        friction.createdAt = now
        try await friction.create(on: db)
        try await PolicyFrictionTicket(
            frictionId: try friction.requireID(), ticketId: ticketId, revenueAtRiskCents: cents, addedBy: try user.requireID(), at: now
        ).create(on: db)
        return friction
    }

    /// A customer's thanks (a satisfaction comment, a thank-you reply) turned into kudos by a lead,
    /// quoting the customer, for the person who earned it.
    static func customerKudos(
        to toUserId: UUID?, ticketId: UUID, messageId: Int?, quote rawQuote: String?, value: KudosValue?, by lead: User, on db: any Database, at now: Date
    ) async throws -> Kudos {
        guard let toUserId else { throw RequestError(.unprocessableEntity, "missing_field", "to_user_id is required", field: "to_user_id") }
        let quote = try PeopleInput.text(rawQuote, field: "quote", max: 2000)
        _ = try await PeopleAccess.user(toUserId, on: db, field: "to_user_id")
        guard let ticket = try await Ticket.find(ticketId, on: db) else {
            throw PeopleError.invalid(field: "ticket_id", reason: "no ticket has that id")
        }
        if let messageId {
            guard let message = try await Message.find(messageId, on: db), message.ticketId == ticketId,
                message.authorType == Actor.Kind.customer.rawValue
            else { throw PeopleError.invalid(field: "message_id", reason: "message_id must be a message the customer wrote on this ticket") }
        }
        let customer = try await Customer.find(ticket.requesterId, on: db)
        let kudos = Kudos(
            toUserId: toUserId, fromUserId: try lead.requireID(), source: .customer, value: value,
            message: "Thanks from \(customer?.name ?? "a customer") on ticket #\(ticket.number)", quote: quote,
            ticketId: ticketId, messageId: messageId, at: now)
        try await kudos.create(on: db)
        return kudos
    }


    /// Revenue in whole cents; negative amounts or more than two decimals are refused.
    static func cents(_ amount: Decimal?) throws -> Int {
        guard let amount else { return 0 }
        var scaled = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard amount >= 0, rounded == scaled, rounded < 1_000_000_000_000 else {
            throw PeopleError.invalid(field: "revenue_at_risk", reason: "revenue_at_risk must be an amount of 0 or more with at most two decimals")
        }
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
