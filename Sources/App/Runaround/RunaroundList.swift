import Fluent
import FrontlineCore
import Foundation

/// The leads' list of tickets that have bounced their customer around, most severe first: the
/// API's `GET /runaround` and the desk's Runaround view read it through here.
enum RunaroundList {
    /// Who may read the list: team leads and up.
    static let role = UserRole.lead

    static func flagged(limit: Int, on db: any Database, now: Date) async throws -> [TicketDTO] {
        try await page(unresolvedOnly: false, limit: limit, offset: 0, on: db, now: now)
    }

    /// A page of flagged tickets, most severe first; `unresolvedOnly` keeps the ones whose
    /// customer is still waiting (what a lead can still act on).
    static func page(unresolvedOnly: Bool, limit: Int, offset: Int, on db: any Database, now: Date) async throws -> [TicketDTO] {
        let query = TicketRunaround.query(on: db).filter(\.$flagged == true)
        if unresolvedOnly {
            query.join(Ticket.self, on: \TicketRunaround.$id == \Ticket.$id)
                .filter(Ticket.self, \.$status ~~ TicketStatus.allCases.filter(\.isUnresolved))
        }
        let rows = try await query.sort(\.$indexTenths, .descending).range(offset..<(offset + limit)).all()
        let ids = try rows.map { try $0.requireID() }
        let tickets = ids.isEmpty ? [] : try await Ticket.query(on: db).filter(\.$id ~~ ids).all()
        let dtos = try await TicketPresenter.dtos(tickets, on: db, now: now)
        // The live index adds days open; ties go to the older ticket.
        return dtos.sorted {
            ($0.runaround.index, -$0.createdAt.timeIntervalSince1970) > ($1.runaround.index, -$1.createdAt.timeIntervalSince1970)
        }
    }

    /// How many flagged tickets still wait for a resolution: the number beside Runaround in the sidebar.
    static func unresolvedCount(on db: any Database) async throws -> Int {
        try await TicketRunaround.query(on: db).filter(\.$flagged == true)
            .join(Ticket.self, on: \TicketRunaround.$id == \Ticket.$id)
            .filter(Ticket.self, \.$status ~~ TicketStatus.allCases.filter(\.isUnresolved))
            .count()
    }
}
