import Fluent
import Foundation
import SQLKit

/// The `ticket_runaround` table on the creation path: the new ticket's counters in one bound INSERT.
struct RunaroundRows {
    let sql: any SQLDatabase

    func insert(_ row: TicketRunaround) async throws {
        try await sql.insert(into: TicketRunaround.schema)
            .columns(
                "id", "handoffs", "distinct_owners", "customer_contacts", "channel_switches", "reopenings", "holds_without_wait_told",
                "broken_promises", "last_contact_channel", "flagged", "first_flagged_at", "index_tenths", "updated_at")
            .values([
                SQLBind(try row.requireID()), SQLBind(row.handoffs), SQLBind(row.distinctOwners), SQLBind(row.customerContacts),
                SQLBind(row.channelSwitches), SQLBind(row.reopenings), SQLBind(row.holdsWithoutWaitTold), SQLBind(row.brokenPromises),
                SQLValues.bind(row.lastContactChannel), SQLBind(row.flagged), SQLValues.bind(row.firstFlaggedAt), SQLBind(row.indexTenths),
                SQLBind(row.updatedAt),
            ] as [any SQLExpression])
            .run()
        row.$id.exists = true
    }
}
