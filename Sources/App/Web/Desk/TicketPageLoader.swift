import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// Builds a `TicketDetailPage` in a fixed number of queries, whatever the ticket holds: one per
/// table the page shows (ticket, timeline part, its messages, last hand-off, requester with the
/// organization, other tickets, contact history, tags, people, teams, promises, escalations,
/// runaround counters) through `TicketPageRows`, plus the batched readers the API shares for SLA
/// clocks, calls, the customer's record and the mail copies. Nothing is read per row.
struct TicketPageLoader {
    let request: Request

    func load(number: Int, problem: TicketDetailPage.FormProblem?) async throws -> TicketDetailPage {
        let user = try request.deskUser()
        let db = request.db
        let rows = TicketPageRows(sql: try db.sql)
        let now = request.now
        guard let found = try await rows.ticket(number: number) else { throw WebError.notFound("ticket") }
        let ticket = found.facts
        let frame = try await DeskFrame.load(request, user: user, active: "ticket")
        let timeline = try await rows.timeline(ticketId: ticket.id, before: try TimelineWindow.before(request), size: TimelineWindow.size)
        guard let requester = try await rows.requester(found.requesterId) else { throw WebError.notFound("requester") }
        let otherTickets = try await rows.otherTickets(requesterId: found.requesterId, except: ticket.id)
        let people = try await rows.people()
        let promises = try await rows.promises(ticketId: ticket.id)
        let escalations = try await rows.escalations(ticketId: ticket.id)
        let calls = try await CallsController.dtos(
            try await PhoneCall.query(on: db).filter(\.$ticketId == ticket.id).sort(\.$createdAt).all(), on: db)
        let daysOpen = RunaroundDTO.daysOpen(createdAt: ticket.createdAt, endedAt: found.endedAt, now: now)
        let counters = try await rows.runaround(ticketId: ticket.id, daysOpen: daysOpen)
        let journey = TicketJourney(
            sla: try await sla(ticketId: ticket.id, now: now),
            runaround: RunaroundDTO(
                factors: counters?.factors ?? RunaroundFactors(daysOpen: daysOpen), isResolved: !ticket.status.isUnresolved,
                firstFlaggedAt: counters?.firstFlaggedAt),
            promises: promises, escalations: escalations, calls: calls,
            onRecord: try await CustomerRecord.onRecord(customerId: found.requesterId, on: db, now: now),
            names: Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            escalationTargetMinutes: request.application.frontlineConfig.escalationTargetMinutes, now: now)
        // Contacts link to the tickets the panel already knows (this one and the others listed).
        var numbers = Dictionary(otherTickets.map { ($0.id, $0.ticket.number) }, uniquingKeysWith: { first, _ in first })
        numbers[ticket.id] = ticket.number
        return TicketDetailPage(
            frame: frame, ticket: ticket, tags: try await rows.tags(ticketId: ticket.id).sorted(), timeline: timeline,
            lastHandoff: try await rows.lastHandoff(ticketId: ticket.id),
            requester: requester, organization: try await found.organizationId.asyncMap { try await rows.organization($0) } ?? nil,
            otherTickets: otherTickets.map(\.ticket),
            contactHistory: try await rows.contacts(authorId: found.requesterId).map { contact in
                TicketDetailPage.Contact(at: contact.at, channel: contact.channel, ticketNumber: numbers[contact.ticketId])
            },
            staff: people.filter(\.active).map { TicketDetailPage.StaffMember(id: $0.id, name: $0.name, role: $0.role) },
            teams: try await rows.teams(),
            settings: try await DeskSettings.load(on: db), journey: journey,
            participants: try await TicketParticipants.roster(of: ticket.id, on: db),
            done: request.queryParameters["done"], problem: problem)
    }

    /// The ticket's SLA clocks with their calendars, in two queries, as the API computes them.
    private func sla(ticketId: UUID, now: Date) async throws -> SLADTO {
        let clocks = try await SLAClockRecord.query(on: request.db).filter(\.$ticketId == ticketId).all()
        guard !clocks.isEmpty else { return .unmeasured }
        let calendarIds = Array(Set(clocks.compactMap(\.calendarId)))
        let calendars = calendarIds.isEmpty ? [] : try await BusinessCalendarRecord.query(on: request.db).filter(\.$id ~~ calendarIds).all()
        return SLADTO(clocks: clocks, calendars: Dictionary(uniqueKeysWithValues: try calendars.map { (try $0.requireID(), $0.calendar) }), now: now)
    }
}

extension TicketDetailPage {
    /// The page of ticket `number` (404 when there is none), with `problem` beside its form.
    static func load(_ request: Request, number: Int, problem: FormProblem? = nil) async throws -> TicketDetailPage {
        try await TicketPageLoader(request: request).load(number: number, problem: problem)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
