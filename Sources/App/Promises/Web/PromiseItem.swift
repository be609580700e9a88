import FrontlineCore
import Foundation

/// One promise of a ticket as the ticket page shows it: what was promised, to whom it is owed, how
/// it stands, and whether it came from a dropped call.
struct PromiseItem: Sendable {
    let id: UUID
    let kind: PromiseKind
    let state: PromiseState
    let description: String
    let dueAt: Date
    let ownerId: UUID
    let madeByName: String
    let resolution: String?
    let resolvedAt: Date?
    let cancelReason: String?
    let fromDroppedCall: Bool
}
