import Fluent
import Foundation
import SQLKit

/// The `customers` table on the hot paths (every ticket creation and inbound mail looks up its
/// requester): bound SQL, rows decoded column by column instead of through the model layer's
/// reflection. What it returns is a complete `Customer` that Fluent treats as stored.
struct CustomerRows {
    let sql: any SQLDatabase

    static let columns = [
        "id", "email", "email_normalized", "name", "phone", "phone_normalized", "organization_id", "password_hash",
        "created_at", "updated_at",
    ]

    func find(emailNormalized: String) async throws -> Customer? {
        try await sql.select().columns(Self.columns).from(Customer.schema)
            .where("email_normalized", .equal, SQLBind(emailNormalized)).limit(1)
            .first().map(Self.customer)
    }

    /// Inserts a customer unless one with the same normalized email exists (a racing first contact
    /// on PostgreSQL); the caller reads back whichever row won.
    func insertIgnoringDuplicate(id: UUID, email: String, name: String, at now: Date) async throws {
        try await sql.insert(into: Customer.schema)
            .columns("id", "email", "email_normalized", "name", "created_at", "updated_at")
            .values(SQLBind(id), SQLBind(email), SQLBind(EmailAddress.normalized(email)), SQLBind(name), SQLBind(now), SQLBind(now))
            .ignoringConflicts(with: ["email_normalized"])
            .run()
    }

    /// A customer from a row with `columns` (a join may prefix them: `prefix` + column).
    static func customer(_ row: any SQLRow) throws -> Customer {
        try customer(row, prefix: "")
    }

    static func customer(_ row: any SQLRow, prefix: String) throws -> Customer {
        let customer = Customer(
            id: try row.decode(column: prefix + "id", as: UUID.self), email: try row.decode(column: prefix + "email", as: String.self),
            name: try row.decode(column: prefix + "name", as: String.self), phone: try row.decode(column: prefix + "phone", as: String?.self),
            organizationId: try row.decode(column: prefix + "organization_id", as: UUID?.self),
            at: try row.decode(column: prefix + "created_at", as: Date.self))
        customer.emailNormalized = try row.decode(column: prefix + "email_normalized", as: String.self)
        customer.phoneNormalized = try row.decode(column: prefix + "phone_normalized", as: String?.self)
        customer.passwordHash = try row.decode(column: prefix + "password_hash", as: String?.self)
        customer.updatedAt = try row.decode(column: prefix + "updated_at", as: Date.self)
        customer.$id.exists = true
        return customer
    }
}
