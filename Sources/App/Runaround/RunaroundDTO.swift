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
    init(_ counters: TicketRunaround?, ticket: Ticket, now: Date = Date()) {
        let end = ticket.solvedAt ?? ticket.closedAt ?? now
        let daysOpen = max(0, Int(end.timeIntervalSince(ticket.createdAt) / 86_400))
        let factors = counters?.factors(daysOpen: daysOpen) ?? RunaroundFactors(daysOpen: daysOpen)
        let runaround = RunaroundIndex(factors: factors, isResolved: !ticket.status.isUnresolved)
        handoffs = factors.handoffs
        distinctOwners = factors.distinctOwners
        customerContacts = factors.customerContacts
        channelSwitches = factors.channelSwitches
        reopenings = factors.reopenings
        holdsWithoutWaitTold = factors.holdsWithoutWaitTold
        brokenPromises = factors.brokenPromises
        self.daysOpen = daysOpen
        index = runaround.index
        flagged = runaround.flagged
        firstFlaggedAt = counters?.firstFlaggedAt
        reasons = runaround.reasons
    }
}
