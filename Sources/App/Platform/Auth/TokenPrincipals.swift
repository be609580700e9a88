import Fluent
import Foundation
import FrontlineCore
import SQLKit

/// Token → principal in one query (every API request asks it): the token row joined to its user or
/// customer, decoded column by column instead of through the model layer.
struct TokenPrincipals {
    let sql: any SQLDatabase

    private static let userColumns = ["id", "email", "email_normalized", "name", "role", "password_hash", "active", "created_at", "updated_at"]

    /// The principal of the token with this hash; nil for an unknown token, or a deactivated
    /// user's (their tokens stop working at once).
    func principal(tokenHash: String) async throws -> Principal? {
        let users = Self.userColumns.map { "u.\($0) AS u_\($0)" }.joined(separator: ", ")
        let customers = CustomerRows.columns.map { "c.\($0) AS c_\($0)" }.joined(separator: ", ")
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: users), \(unsafeRaw: customers)
            FROM api_tokens t
            LEFT JOIN users u ON u.id = t.user_id
            LEFT JOIN customers c ON c.id = t.customer_id
            WHERE t.token_hash = \(bind: tokenHash)
            """
        guard let row = try await sql.raw(query).first() else { return nil }
        if try !row.decodeNil(column: "u_id") {
            let user = try Self.user(row)
            return user.active ? .user(user) : nil
        }
        if try !row.decodeNil(column: "c_id") { return .customer(try CustomerRows.customer(row, prefix: "c_")) }
        return nil
    }

    private static func user(_ row: any SQLRow) throws -> User {
        let user = User(
            id: try row.decode(column: "u_id", as: UUID.self), email: try row.decode(column: "u_email", as: String.self),
            name: try row.decode(column: "u_name", as: String.self), role: try row.decode(column: "u_role", as: UserRole.self),
            passwordHash: try row.decode(column: "u_password_hash", as: String?.self), at: try row.decode(column: "u_created_at", as: Date.self))
        user.emailNormalized = try row.decode(column: "u_email_normalized", as: String.self)
        user.active = try row.decode(column: "u_active", as: Bool.self)
        user.updatedAt = try row.decode(column: "u_updated_at", as: Date.self)
        user.$id.exists = true
        return user
    }
}
