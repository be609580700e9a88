import Fluent
import FrontlineCore
import Foundation

/// Leaves notifications for staff, inside the write that caused them: in the app, and by mail
/// (queued in the outbox, sent once outbound mail is configured) when the alert is about a ticket.
struct Notifier {
    let db: any Database
    let now: Date

    /// Notifies each active user once, whatever the duplicates in `userIds`.
    func notify(_ userIds: [UUID], kind: String, message: String, ticketId: UUID?, subjectId: UUID?) async throws {
        let users = try await User.query(on: db).filter(\.$id ~~ Array(Set(userIds))).filter(\.$active == true).all()
        var seen = Set<UUID>()
        for userId in userIds where seen.insert(userId).inserted {
            guard let user = users.first(where: { $0.id == userId }) else { continue }
            let notification = StaffNotification(
                userId: userId, kind: kind, message: message, ticketId: ticketId, subjectId: subjectId, at: now)
            try await notification.create(on: db)
            if let ticketId {
                let mail = OutboxMail(ticketId: ticketId, messageId: nil, kind: .staffAlert, recipient: user.emailNormalized, at: now)
                mail.notificationId = notification.id
                try await mail.create(on: db)
            }
        }
    }

    /// The leads of a person: members with the lead role or higher of any team the person is in,
    /// not the person themselves.
    func leads(of userId: UUID) async throws -> [UUID] {
        let teamIds = try await TeamMembership.query(on: db).filter(\.$userId == userId).all().map(\.teamId)
        guard !teamIds.isEmpty else { return [] }
        let memberIds = try await TeamMembership.query(on: db).filter(\.$teamId ~~ teamIds).all().map(\.userId)
        let leads = try await User.query(on: db)
            .filter(\.$id ~~ Array(Set(memberIds)))
            .filter(\.$role ~~ [UserRole.lead, .manager, .admin])
            .filter(\.$active == true)
            .all()
        return try leads.map { try $0.requireID() }.filter { $0 != userId }.sorted { $0.uuidString < $1.uuidString }
    }
}
