import Fluent
import FrontlineMail
import Vapor

/// Who is copied on a ticket's mail, and who was seen in Cc of a reply but waits for an agent.
/// The one place participants are added and removed, by the API and the desk alike; each change is
/// on the ticket's timeline.
struct TicketParticipants {
    let desk: TicketDesk
    let settings: MailSettings

    struct Roster: Sendable {
        var participants: [Person]
        var suggested: [Person]
    }

    struct Person: Sendable {
        let email: String
        let name: String?
        let addedAt: Date
    }

    static func roster(of ticketId: UUID, on db: any Database) async throws -> Roster {
        let participants = try await TicketParticipant.query(on: db).filter(\.$ticketId == ticketId).sort(\.$createdAt).all()
        let suggested = try await ParticipantSuggestion.query(on: db).filter(\.$ticketId == ticketId).sort(\.$createdAt).all()
        return Roster(
            participants: participants.map { Person(email: $0.email, name: $0.name, addedAt: $0.createdAt) },
            suggested: suggested.map { Person(email: $0.email, name: $0.name, addedAt: $0.createdAt) })
    }

    /// Copies `email` on the ticket's mail from now on (a suggested address is added the same way).
    func add(_ email: String, name: String?, to ticket: Ticket) async throws {
        let address = EmailAddress.normalized(email)
        guard EmailAddress.isMailbox(address) else {
            throw TicketError.invalid(field: "email", reason: "'\(email)' is not an email address")
        }
        if try await DeskAddresses.load(settings, on: desk.db).contains(address) {
            throw TicketError.invalid(field: "email", reason: "\(address) is the desk's own address; copying it would loop")
        }
        let requester = try await Customer.find(ticket.requesterId, on: desk.db)
        if requester?.emailNormalized == address {
            throw TicketError.invalid(field: "email", reason: "\(address) is the requester, who gets every reply anyway")
        }
        let ticketId = try ticket.requireID()
        let suggestedName = try await ParticipantSuggestion.query(on: desk.db)
            .filter(\.$ticketId == ticketId).filter(\.$email == address).first()?.name
        let shownName = name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } ?? suggestedName
        let known = try await TicketParticipant.query(on: desk.db).filter(\.$ticketId == ticketId).filter(\.$email == address).count()
        try await MailThreading(db: desk.db).addParticipant(MailAddress(name: shownName, email: address), ticketId: ticketId, now: desk.now)
        if known == 0 { try await desk.record(.participantAdded(.init(email: address)), on: ticket) }
    }

    /// Stops copying `email` (and forgets a suggestion of it); a 404 when it is neither.
    func remove(_ email: String, from ticket: Ticket) async throws {
        let address = EmailAddress.normalized(email)
        let ticketId = try ticket.requireID()
        let participant = try await TicketParticipant.query(on: desk.db).filter(\.$ticketId == ticketId).filter(\.$email == address).first()
        let suggestion = try await ParticipantSuggestion.query(on: desk.db).filter(\.$ticketId == ticketId).filter(\.$email == address).first()
        guard participant != nil || suggestion != nil else { throw RequestError.notFound("participant") }
        try await suggestion?.delete(on: desk.db)
        if let participant {
            try await participant.delete(on: desk.db)
            try await desk.record(.participantRemoved(.init(email: address)), on: ticket)
        }
    }
}
