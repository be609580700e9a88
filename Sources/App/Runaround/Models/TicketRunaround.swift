import Fluent
import FrontlineCore
import Foundation

/// The runaround counters of one ticket, kept up to date inside the same write as the event that
/// changes them, so that reading a page of tickets never scans their timelines. The id is the
/// ticket's id.
final class TicketRunaround: Model, @unchecked Sendable {
    static let schema = "ticket_runaround"

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "handoffs") var handoffs: Int
    @Field(key: "distinct_owners") var distinctOwners: Int
    @Field(key: "customer_contacts") var customerContacts: Int
    @Field(key: "channel_switches") var channelSwitches: Int
    @Field(key: "reopenings") var reopenings: Int
    @Field(key: "holds_without_wait_told") var holdsWithoutWaitTold: Int
    @Field(key: "broken_promises") var brokenPromises: Int
    /// The channel of the customer's latest contact, to count switches.
    @OptionalField(key: "last_contact_channel") var lastContactChannel: String?
    /// Whether the ticket is past a threshold as of its latest counted event.
    @Field(key: "flagged") var flagged: Bool
    /// When it was first flagged; stays set after the ticket drops below the thresholds.
    @OptionalField(key: "first_flagged_at") var firstFlaggedAt: Date?
    /// The index without the days-open term, in tenths: the order of the Runaround list.
    @Field(key: "index_tenths") var indexTenths: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(ticketId: UUID, at: Date) {
        self.id = ticketId
        handoffs = 0
        distinctOwners = 0
        customerContacts = 0
        channelSwitches = 0
        reopenings = 0
        holdsWithoutWaitTold = 0
        brokenPromises = 0
        flagged = false
        indexTenths = 0
        updatedAt = at
    }

    /// The counters as FrontlineCore counts them, with days open as of `now`.
    func factors(daysOpen: Int) -> RunaroundFactors {
        RunaroundFactors(
            handoffs: handoffs, distinctOwners: distinctOwners, customerContacts: customerContacts,
            channelSwitches: channelSwitches, reopenings: reopenings, holdsWithoutWaitTold: holdsWithoutWaitTold,
            brokenPromises: brokenPromises, daysOpen: daysOpen)
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $handoffs, $distinctOwners, $customerContacts, $channelSwitches, $reopenings, $holdsWithoutWaitTold, $brokenPromises,
            $lastContactChannel, $flagged, $firstFlaggedAt, $indexTenths, $updatedAt
        ]
    }
}

/// An agent who has owned a ticket: counts distinct owners without reading the timeline.
final class TicketOwnerRecord: Model, @unchecked Sendable {
    static let schema = "ticket_owners"

    @ID(key: .id) var id: UUID?
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "user_id") var userId: UUID

    init() {}

    init(ticketId: UUID, userId: UUID) {
        self.ticketId = ticketId
        self.userId = userId
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $ticketId, $userId] }
}
