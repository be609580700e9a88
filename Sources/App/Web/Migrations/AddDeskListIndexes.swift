import Fluent
import SQLKit

/// Indexes for the desk's lists: each view is read one status at a time (see `DeskList`), so every
/// sort walks an index range and a page costs the same at 100,000 tickets as at 100.
struct AddDeskListIndexes: AsyncMigration {
    static let indexes: [(String, String, [String])] = [
        ("tickets_status_contact_number", "tickets", ["status", "last_customer_contact_at", "number"]),
        ("tickets_status_priority_number", "tickets", ["status", "priority", "number"]),
        ("tickets_owner_status_number", "tickets", ["owner_id", "status", "number"]),
        ("tickets_team_status_number", "tickets", ["team_id", "status", "number"]),
        ("messages_author", "messages", ["author_id", "id"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        for (name, table, columns) in Self.indexes {
            var index = sql.create(index: name).on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        for (name, _, _) in Self.indexes { try await sql.drop(index: name).run() }
    }
}
