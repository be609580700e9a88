import Fluent
import FrontlineMail
import SQLKit
import Vapor

/// Which ticket an inbound message belongs to, and the keys that let later replies find it.
struct MailThreading {
    let db: any Database

    /// In order: a Message-ID we sent or received named in In-Reply-To/References; else a subject tag
    /// `[#1042]` when the sender is that ticket's requester or participant; else none (a new ticket).
    func ticket(for parsed: ParsedMessage, from author: Customer) async throws -> Ticket? {
        let named = Array((parsed.inReplyTo + parsed.references.reversed()).prefix(50))
        if !named.isEmpty,
            let reference = try await MailReference.query(on: db).filter(\.$messageID ~~ named).sort(\.$createdAt, .descending).first() {
            return try await Ticket.find(reference.ticketId, on: db)
        }
        guard let number = SubjectTag.extractTicketNumber(from: parsed.subject),
            let ticket = try await Ticket.query(on: db).filter(\.$number == number).first()
        else { return nil }
        if ticket.requesterId == author.id { return ticket }
        let participant = try await TicketParticipant.query(on: db)
            .filter(\.$ticketId == (try ticket.requireID())).filter(\.$email == author.emailNormalized).first()
        // A stranger quoting a ticket number does not get into someone else's ticket.
        return participant == nil ? nil : ticket
    }

    func remember(_ messageID: String, ticketId: UUID, direction: String, now: Date) async throws {
        try await db.sql.insert(into: MailReference.schema)
            .columns("id", "message_id", "ticket_id", "direction", "created_at")
            .values(SQLBind(UUID()), SQLBind(messageID), SQLBind(ticketId), SQLBind(direction), SQLBind(now))
            .ignoringConflicts(with: ["message_id"])
            .run()
    }

    func addParticipant(_ address: MailAddress, ticketId: UUID, now: Date) async throws {
        guard EmailAddress.isMailbox(address.email) else { return }
        let email = EmailAddress.normalized(address.email)
        try await db.sql.insert(into: TicketParticipant.schema)
            .columns("id", "ticket_id", "email", "name", "created_at")
            .values(SQLBind(UUID()), SQLBind(ticketId), SQLBind(email), SQLBind(address.name), SQLBind(now))
            .ignoringConflicts(with: ["ticket_id", "email"])
            .run()
        try await ParticipantSuggestion.query(on: db).filter(\.$ticketId == ticketId).filter(\.$email == email).delete()
    }

    /// Lists an address copied on a reply for an agent to add; an existing participant stays as is.
    func suggestParticipant(_ address: MailAddress, ticketId: UUID, now: Date) async throws {
        guard EmailAddress.isMailbox(address.email) else { return }
        let email = EmailAddress.normalized(address.email)
        let known = try await TicketParticipant.query(on: db).filter(\.$ticketId == ticketId).filter(\.$email == email).count()
        guard known == 0 else { return }
        try await db.sql.insert(into: ParticipantSuggestion.schema)
            .columns("id", "ticket_id", "email", "name", "created_at")
            .values(SQLBind(UUID()), SQLBind(ticketId), SQLBind(email), SQLBind(address.name), SQLBind(now))
            .ignoringConflicts(with: ["ticket_id", "email"])
            .run()
    }
}
