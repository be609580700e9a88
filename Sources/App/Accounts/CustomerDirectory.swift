import Fluent
import SQLKit
import Vapor

/// Finds customers by email, creating them on first contact (on every ticket creation and inbound
/// mail, so through `CustomerRows` rather than the model layer).
enum CustomerDirectory {
    static func find(email: String, on db: any Database) async throws -> Customer? {
        try await CustomerRows(sql: db.sql).find(emailNormalized: EmailAddress.normalized(email))
    }

    /// The customer with this email, created if new. Safe when two first contacts from one address
    /// race on PostgreSQL: the insert yields to the one that got there first.
    static func findOrCreate(email: String, name: String?, on db: any Database, at now: Date) async throws -> Customer {
        if let existing = try await find(email: email, on: db) { return existing }
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let displayName = name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? String(trimmed.prefix { $0 != "@" })
        try await CustomerRows(sql: db.sql).insertIgnoringDuplicate(id: UUID(), email: trimmed, name: displayName, at: now)
        guard let customer = try await find(email: trimmed, on: db) else {
            throw Abort(.internalServerError, reason: "customer \(trimmed) vanished right after it was stored")
        }
        return customer
    }
}
