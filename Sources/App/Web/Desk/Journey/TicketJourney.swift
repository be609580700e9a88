import FrontlineCore
import Foundation

/// What the ticket page shows of the customer's journey, as values: the SLA and runaround index
/// (the same DTOs the API shows), promises, escalations, calls with their holds and transfers, and
/// what the customer has on record (products, warranties, proof). `TicketPageLoader` fills it.
struct TicketJourney: Sendable {
    let sla: SLADTO
    let runaround: RunaroundDTO
    let promises: [PromiseItem]
    let escalations: [EscalationItem]
    let calls: [CallDTO]
    let onRecord: TicketEntitlements
    /// The name of everyone the panels name (promise owners, escalation targets, call agents),
    /// active or not.
    let names: [UUID: String]
    let escalationTargetMinutes: Int
    let now: Date

    func name(_ id: UUID?) -> String {
        id.flatMap { names[$0] } ?? "someone"
    }
}

/// One escalation of the ticket as its panel shows it.
struct EscalationItem: Sendable {
    let id: UUID
    let state: Escalation.State
    let channel: TicketChannel
    let toUserId: UUID?
    let toTeamId: UUID?
    let reason: String
    let targetMinutes: Int
    let dueAt: Date
    let answeredAt: Date?
    let answeredBy: String?
    let escalatedByName: String
}
