import Fluent
import SQLKit
import Vapor

/// Finds customers by email, creating them on first contact.
enum CustomerDirectory {
    static func find(email: String, on db: any Database) async throws -> Customer? {
        try await Customer.query(on: db).filter(\.$emailNormalized == EmailAddress.normalized(email)).first()
    }

    /// The customer with this email, created if new. Safe when two first contacts from one address
    /// race on PostgreSQL: the insert yields to the one that got there first.
    static func findOrCreate(email: String, name: String?, on db: any Database, at now: Date) async throws -> Customer {
        if let existing = try await find(email: email, on: db) { return existing }
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let displayName = name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? String(trimmed.prefix { $0 != "@" })
        try await db.sql.insert(into: Customer.schema)
            .columns("id", "email", "email_normalized", "name", "created_at", "updated_at")
            .values(
                SQLBind(UUID()), SQLBind(trimmed), SQLBind(EmailAddress.normalized(trimmed)), SQLBind(displayName),
                SQLBind(now), SQLBind(now))
            .ignoringConflicts(with: ["email_normalized"])
            .run()
        guard let customer = try await find(email: trimmed, on: db) else {
            throw Abort(.internalServerError, reason: "customer \(trimmed) vanished right after it was stored")
        }
        return customer
    }
}
