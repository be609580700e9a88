import Fluent
import Vapor

/// Builds ticket DTOs, loading requesters and tags for a whole page in two queries.
enum TicketPresenter {
    static func dto(_ ticket: Ticket, on db: any Database) async throws -> TicketDTO {
        guard let dto = try await dtos([ticket], on: db).first else { throw RequestError.notFound("ticket") }
        return dto
    }

    static func dtos(_ tickets: [Ticket], on db: any Database) async throws -> [TicketDTO] {
        guard !tickets.isEmpty else { return [] }
        let ids = try tickets.map { try $0.requireID() }
        let requesterIds = Array(Set(tickets.map(\.requesterId)))
        let requesters = try await Customer.query(on: db).filter(\.$id ~~ requesterIds).all()
        let requestersById = Dictionary(uniqueKeysWithValues: try requesters.map { (try $0.requireID(), $0) })
        let tags = try await TicketTag.query(on: db).filter(\.$ticketId ~~ ids).all()
        let tagsByTicket = Dictionary(grouping: tags, by: \.ticketId)
        return try tickets.map { ticket in
            guard let requester = requestersById[ticket.requesterId] else {
                throw Abort(.internalServerError, reason: "ticket #\(ticket.number) has no requester")
            }
            return try TicketDTO(ticket, requester: requester, tags: (tagsByTicket[try ticket.requireID()] ?? []).map(\.tag))
        }
    }
}
