import Fluent
import Foundation
import SQLKit
import Vapor

/// The `messages` table on the write paths: one bound INSERT that hands back the new id.
struct MessageRows {
    let sql: any SQLDatabase

    /// Stores a new message and gives the model its database-generated id.
    func insert(_ message: Message) async throws {
        let row = try await sql.insert(into: Message.schema)
            .columns("ticket_id", "visibility", "author_type", "author_id", "author_name", "body", "html", "channel", "created_at")
            .values([
                SQLBind(message.ticketId), SQLBind(message.visibility.rawValue), SQLBind(message.authorType),
                SQLValues.bind(message.authorId), SQLBind(message.authorName), SQLBind(message.body), SQLValues.bind(message.html),
                SQLBind(message.channel.rawValue), SQLBind(message.createdAt),
            ] as [any SQLExpression])
            .returning("id")
            .first()
        guard let row else { throw Abort(.internalServerError, reason: "the new message's id did not come back") }
        message.id = try row.decode(column: "id", as: Int.self)
        message.$id.exists = true
    }
}
