import Fluent
import SQLKit

/// Each tag row carries its ticket's number, so the API's tag filter walks `(tag, ticket_number)`
/// newest first and stops after one page; before, it found every ticket with the tag and sorted
/// them (5,000 at 100,000 tickets for a common tag). The desk's list, which also filters by status
/// and owner, measured slower ordered this way at 20,000 tickets and keeps its own order.
struct AddTagTicketNumbers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TicketTag.schema).field("ticket_number", .int, .required, .sql(.default(0))).update()
        let sql = try database.sql
        try await sql.raw(
            """
            UPDATE \(ident: TicketTag.schema) SET \(ident: "ticket_number") =
              (SELECT \(ident: "number") FROM \(ident: Ticket.schema) WHERE \(ident: Ticket.schema).\(ident: "id") = \(ident: TicketTag.schema).\(ident: "ticket_id"))
            """
        ).run()
        try await sql.create(index: "ticket_tags_tag_number").on(TicketTag.schema).column("tag").column("ticket_number").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "ticket_tags_tag_number").run()
        try await database.schema(TicketTag.schema).deleteField("ticket_number").update()
    }
}
