import FrontlineCore
import Vapor

/// How much a ticket has bounced its customer around, as every ticket DTO shows it.
struct RunaroundDTO: Content {
    let handoffs: Int
    let distinctOwners: Int
    let customerContacts: Int
    let channelSwitches: Int
    let reopenings: Int
    let holdsWithoutWaitTold: Int
    let brokenPromises: Int
    let daysOpen: Int
    let index: Double
    let flagged: Bool
    /// When the ticket was first flagged; kept even after it drops below the thresholds.
    let firstFlaggedAt: Date?
    let reasons: [String]

    enum CodingKeys: String, CodingKey {
        case handoffs, reopenings, index, flagged, reasons
        case distinctOwners = "distinct_owners", customerContacts = "customer_contacts"
        case channelSwitches = "channel_switches", holdsWithoutWaitTold = "holds_without_wait_told"
        case brokenPromises = "broken_promises", daysOpen = "days_open", firstFlaggedAt = "first_flagged_at"
    }

    /// The index of a ticket with `counters` (nil: nothing counted yet) as of `now`.
    init(_ counters: TicketRunaround?, ticket: Ticket, now: Date) {
        let daysOpen = Self.daysOpen(createdAt: ticket.createdAt, endedAt: ticket.solvedAt ?? ticket.closedAt, now: now)
        self.init(
            factors: counters?.factors(daysOpen: daysOpen) ?? RunaroundFactors(daysOpen: daysOpen),
            isResolved: !ticket.status.isUnresolved, firstFlaggedAt: counters?.firstFlaggedAt)
    }

    /// Whole days from opening to solving or closing, or to `now` while it is open.
    static func daysOpen(createdAt: Date, endedAt: Date?, now: Date) -> Int {
        max(0, Int((endedAt ?? now).timeIntervalSince(createdAt) / 86_400))
    }

    /// The index of counters already read as factors (the page loaders read them as values).
    init(factors: RunaroundFactors, isResolved: Bool, firstFlaggedAt: Date?) {
        let runaround = RunaroundIndex(factors: factors, isResolved: isResolved)
        handoffs = factors.handoffs
        distinctOwners = factors.distinctOwners
        customerContacts = factors.customerContacts
        channelSwitches = factors.channelSwitches
        reopenings = factors.reopenings
        holdsWithoutWaitTold = factors.holdsWithoutWaitTold
        brokenPromises = factors.brokenPromises
        self.daysOpen = factors.daysOpen
        index = runaround.index
        flagged = runaround.flagged
        self.firstFlaggedAt = firstFlaggedAt
        reasons = runaround.reasons
    }
}
