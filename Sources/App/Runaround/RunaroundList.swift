import Fluent
import FrontlineCore
import Foundation

/// The leads' list of tickets that have bounced their customer around, most severe first: the
/// API's `GET /runaround` and the desk's Runaround view read it through here.
enum RunaroundList {
    /// Who may read the list: team leads and up.
    static let role = UserRole.lead

    static func flagged(limit: Int, on db: any Database) async throws -> [TicketDTO] {
        let rows = try await TicketRunaround.query(on: db)
            .filter(\.$flagged == true)
            .sort(\.$indexTenths, .descending)
            .limit(limit)
            .all()
        let ids = try rows.map { try $0.requireID() }
        let tickets = ids.isEmpty ? [] : try await Ticket.query(on: db).filter(\.$id ~~ ids).all()
        let dtos = try await TicketPresenter.dtos(tickets, on: db)
        // The live index adds days open; ties go to the older ticket.
        return dtos.sorted {
            ($0.runaround.index, -$0.createdAt.timeIntervalSince1970) > ($1.runaround.index, -$1.createdAt.timeIntervalSince1970)
        }
    }
}
