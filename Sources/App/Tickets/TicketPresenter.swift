import Fluent
import Vapor

/// Builds ticket DTOs, loading requesters, tags, runaround counters, SLA clocks and their
/// calendars for a whole page with one query each, read without the model layer's per-row aliasing
/// (`ModelRows`).
enum TicketPresenter {
    static func dto(_ ticket: Ticket, on db: any Database, now: Date) async throws -> TicketDTO {
        guard let dto = try await dtos([ticket], on: db, now: now).first else { throw RequestError.notFound("ticket") }
        return dto
    }

    /// The DTO of a ticket just opened, from what opening it stored: no read back.
    static func dto(_ opened: TicketDesk.OpenedTicket, now: Date) throws -> TicketDTO {
        let sla = opened.clocks.isEmpty ? SLADTO.unmeasured : SLADTO(clocks: opened.clocks, calendars: opened.calendars, now: now)
        return try TicketDTO(opened.ticket, requester: opened.requester, tags: opened.tags, sla: sla, runaround: opened.runaround, now: now)
    }

    static func dtos(_ tickets: [Ticket], on db: any Database, now: Date) async throws -> [TicketDTO] {
        guard !tickets.isEmpty else { return [] }
        let ids = try tickets.map { try $0.requireID() }
        let requesterIds = Array(Set(tickets.map(\.requesterId)))
        let sql = try db.sql
        let requesters = try await ModelRows.all(Customer.self, where: "id", in: requesterIds, on: sql)
        let requestersById = Dictionary(uniqueKeysWithValues: try requesters.map { (try $0.requireID(), $0) })
        let tags = try await ModelRows.all(TicketTag.self, where: "ticket_id", in: ids, on: sql)
        let tagsByTicket = Dictionary(grouping: tags, by: \.ticketId)
        let runaround = try await ModelRows.all(TicketRunaround.self, where: "id", in: ids, on: sql)
        let runaroundById = Dictionary(uniqueKeysWithValues: try runaround.map { (try $0.requireID(), $0) })
        let clocks = try await ModelRows.all(SLAClockRecord.self, where: "ticket_id", in: ids, on: sql)
        let clocksByTicket = Dictionary(grouping: clocks, by: \.ticketId)
        let calendarIds = Array(Set(clocks.compactMap(\.calendarId)))
        let calendars = try await ModelRows.all(BusinessCalendarRecord.self, where: "id", in: calendarIds, on: sql)
        let calendarsById = Dictionary(uniqueKeysWithValues: try calendars.map { (try $0.requireID(), $0.calendar) })
        return try tickets.map { ticket in
            guard let requester = requestersById[ticket.requesterId] else {
                throw Abort(.internalServerError, reason: "ticket #\(ticket.number) has no requester")
            }
            let id = try ticket.requireID()
            let sla = clocksByTicket[id].map { SLADTO(clocks: $0, calendars: calendarsById, now: now) } ?? .unmeasured
            return try TicketDTO(
                ticket, requester: requester, tags: (tagsByTicket[id] ?? []).map(\.tag), sla: sla, runaround: runaroundById[id], now: now)
        }
    }
}
