import Fluent
import Vapor

/// Who may see which ticket. Staff see every ticket; a customer sees only tickets they requested,
/// and another's ticket answers 404, exactly like one that does not exist.
enum TicketAccess {
    static func visibleTicket(_ id: UUID, to principal: Principal, on db: any Database) async throws -> Ticket {
        guard let ticket = try await ModelRows.first(Ticket.self, where: "id", equals: id, on: try db.sql), isVisible(ticket, to: principal) else {
            throw RequestError.notFound("ticket")
        }
        return ticket
    }

    static func isVisible(_ ticket: Ticket, to principal: Principal) -> Bool {
        switch principal {
        case .user: true
        case .customer(let customer): ticket.requesterId == customer.id
        }
    }
}
