import Fluent
import FrontlineCore
import Vapor

/// What the ticket page shows of the customer's journey, read through the same services and DTOs
/// as the API: the SLA and runaround index (the ticket DTO), promises, escalations, calls with
/// their holds and transfers, and what the customer has on record (products, warranties, proof).
struct TicketJourney {
    let sla: SLADTO
    let runaround: RunaroundDTO
    let promises: [CustomerPromise]
    let escalations: [Escalation]
    let calls: [CallDTO]
    let onRecord: TicketEntitlements
    /// Everyone named by the panels (promise owners, escalation targets, call agents), active or not.
    let people: [UUID: User]
    let escalationTargetMinutes: Int
    let now: Date

    static func load(_ ticket: Ticket, request: Request) async throws -> TicketJourney {
        let db = request.db
        let ticketId = try ticket.requireID()
        let dto = try await TicketPresenter.dto(ticket, on: db)
        let promises = try await CustomerPromise.query(on: db).filter(\.$ticketId == ticketId).sort(\.$dueAt).all()
        let escalations = try await Escalation.query(on: db).filter(\.$ticketId == ticketId).sort(\.$startedAt).all()
        let calls = try await CallsController.dtos(
            try await PhoneCall.query(on: db).filter(\.$ticketId == ticketId).sort(\.$createdAt).all(), on: db)
        var ids = Set(promises.map(\.ownerId))
        ids.formUnion(escalations.compactMap(\.toUserId))
        ids.formUnion(calls.compactMap(\.agentId))
        ids.formUnion(calls.flatMap(\.transfers).compactMap(\.toUserId))
        let people = ids.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return TicketJourney(
            sla: dto.sla, runaround: dto.runaround, promises: promises, escalations: escalations, calls: calls,
            onRecord: try await CustomerRecord.onRecord(customerId: ticket.requesterId, on: db, now: request.now),
            people: Dictionary(uniqueKeysWithValues: people.compactMap { user in user.id.map { ($0, user) } }),
            escalationTargetMinutes: request.application.frontlineConfig.escalationTargetMinutes, now: request.now)
    }

    func name(_ id: UUID?) -> String {
        id.flatMap { people[$0]?.name } ?? "someone"
    }
}
