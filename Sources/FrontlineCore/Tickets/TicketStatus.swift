/// Where a ticket stands in its life. `closed` is final: a closed ticket never changes again,
/// a new contact about it opens a follow-up ticket instead.
public enum TicketStatus: String, Codable, CaseIterable, Sendable {
    case new
    case open
    case pending
    case onHold = "on_hold"
    case solved
    case closed

    /// Whether a ticket in this status still needs work from the desk.
    public var isUnresolved: Bool {
        switch self {
        case .new, .open, .pending, .onHold: true
        case .solved, .closed: false
        }
    }

    /// Whether the status may change to `next`. Any unresolved or solved ticket may move anywhere
    /// except back to `new` (a ticket is new only until someone touches it); closed is terminal.
    public func canChange(to next: TicketStatus) -> Bool {
        guard self != .closed, next != self else { return false }
        return next != .new
    }

    /// The status a ticket moves to when its customer writes again: their contact needs an answer,
    /// so a ticket waiting on them (or already solved) is open again. `new` stays new.
    public var afterCustomerContact: TicketStatus {
        switch self {
        case .new: .new
        case .open, .pending, .onHold, .solved: .open
        case .closed: .closed
        }
    }
}
