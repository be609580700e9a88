import Fluent
import FrontlineCore
import Foundation

/// Leaves notifications for staff, inside the write that caused them.
struct Notifier {
    let db: any Database
    let now: Date

    /// Notifies each user once, whatever the duplicates in `userIds`.
    func notify(_ userIds: [UUID], kind: String, message: String, ticketId: UUID?, subjectId: UUID?) async throws {
        var seen = Set<UUID>()
        for userId in userIds where seen.insert(userId).inserted {
            try await StaffNotification(
                userId: userId, kind: kind, message: message, ticketId: ticketId, subjectId: subjectId, at: now
            ).create(on: db)
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
