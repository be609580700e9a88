import Fluent
import Vapor

/// `/api/v1/notifications`: the signed-in staff member's notifications, newest first.
enum NotificationsController {
    struct NotificationDTO: Content {
        let id: UUID
        let kind: String
        let message: String
        let ticketId: UUID?
        let subjectId: UUID?
        let createdAt: Date
        let readAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, kind, message
            case ticketId = "ticket_id", subjectId = "subject_id", createdAt = "created_at", readAt = "read_at"
        }

        init(_ notification: StaffNotification) throws {
            id = try notification.requireID()
            kind = notification.kind
            message = notification.message
            ticketId = notification.ticketId
            subjectId = notification.subjectId
            createdAt = notification.createdAt
            readAt = notification.readAt
        }
    }

    struct NotificationList: Content {
        let notifications: [NotificationDTO]
        let unread: Int
    }

    @Sendable static func list(req: Request) async throws -> NotificationList {
        let user = try req.staff()
        let userId = try user.requireID()
        let query = StaffNotification.query(on: req.db).filter(\.$userId == userId)
        if let raw = try? req.query.get(String.self, at: "unread") {
            guard raw == "true" || raw == "false" else { throw RequestError.invalid("unread", "unread must be true or false") }
            if raw == "true" { query.filter(\.$readAt == nil) }
        }
        let rows = try await query.sort(\.$createdAt, .descending).limit(200).all()
        let unread = try await StaffNotification.query(on: req.db).filter(\.$userId == userId).filter(\.$readAt == nil).count()
        return NotificationList(notifications: try rows.map(NotificationDTO.init), unread: unread)
    }

    /// Someone else's notification answers 404, like one that does not exist.
    @Sendable static func markRead(req: Request) async throws -> NotificationDTO {
        let user = try req.staff()
        let id = try req.id("notificationID", of: "notification")
        let userId = try user.requireID()
        return try await req.write { db in
            guard let notification = try await StaffNotification.find(id, on: db), notification.userId == userId else {
                throw RequestError.notFound("notification")
            }
            if notification.readAt == nil {
                notification.readAt = req.now
                try await notification.save(on: db)
            }
            return try NotificationDTO(notification)
        }
    }
}
