import Fluent
import Vapor

/// What a set of tickets cost: how many, how many distinct customers, the staff minutes spent on
/// them (the `TicketWork` rule) and those minutes at the cost-per-minute setting. Insights and
/// policy frictions both show these.
struct TicketFigures: Sendable, Equatable {
    let ticketCount: Int
    let customerCount: Int
    let minutesHandled: Double
    let costEstimate: Double

    /// Loads what every set of a page needs once, then computes each set.
    struct Calculator {
        let requesters: [UUID: UUID]
        let minutes: [UUID: Double]
        let costPerMinute: Double

        init(ticketIds: [UUID], on db: any Database) async throws {
            let ids = Array(Set(ticketIds))
            let settings = try await DepartmentHealthSettings.load(on: db)
            let tickets = try await ids.isEmpty ? [] : Ticket.query(on: db).filter(\.$id ~~ ids).all()
            requesters = Dictionary(uniqueKeysWithValues: try tickets.map { (try $0.requireID(), $0.requesterId) })
            minutes = try await TicketWork.minutesByTicket(ids, settings: settings, on: db)
            costPerMinute = settings.costPerMinute
        }

        func figures(for ticketIds: [UUID]) -> TicketFigures {
            let unique = Set(ticketIds)
            let minutesHandled = unique.reduce(0) { $0 + (minutes[$1] ?? 0) }
            return TicketFigures(
                ticketCount: unique.count, customerCount: Set(unique.compactMap { requesters[$0] }).count,
                minutesHandled: Rounded.minutes(minutesHandled), costEstimate: Rounded.minutes(minutesHandled * costPerMinute))
        }
    }

    /// 422 naming `field` unless every ticket exists.
    static func requireTickets(_ ids: [UUID], field: String, on db: any Database) async throws {
        let found = try await Ticket.query(on: db).filter(\.$id ~~ ids).count()
        guard found == Set(ids).count else { throw PeopleError.invalid(field: field, reason: "no ticket has that id") }
    }
}
