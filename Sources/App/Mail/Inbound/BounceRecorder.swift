import Fluent
import FrontlineMail
import SQLKit
import Vapor

/// A delivery status notification is news about mail we sent, never a new ticket: it goes on the
/// original ticket as a bounce event, and a permanent failure marks the address as bouncing.
struct BounceRecorder {
    let db: any Database
    let now: Date

    /// Returns false when the report is about no message Frontline knows.
    func record(_ report: ParsedMessage) async throws -> Bool {
        let status = report.deliveryStatus
        let candidates = ([status?.originalMessageID].compactMap { $0 } + report.attachedMessages.compactMap(\.messageID)
            + report.inReplyTo + report.references)
        guard !candidates.isEmpty,
            let reference = try await MailReference.query(on: db).filter(\.$messageID ~~ candidates).first(),
            let ticket = try await Ticket.find(reference.ticketId, on: db)
        else { return false }

        let recipients = status?.recipients ?? []
        let permanent = status?.isPermanent ?? true
        let bounce = TimelineEvent.MailBounce(
            messageId: reference.messageID, permanent: permanent,
            recipients: recipients.map { .init(email: $0.email, action: $0.action, status: $0.status, diagnostic: $0.diagnosticCode) })
        try await TicketDesk(on: db, actor: .system, at: now).record(.mailBounced(bounce), on: ticket)
        if permanent {
            for recipient in recipients where recipient.isPermanentFailure && EmailAddress.isValid(recipient.email) {
                let reason = recipient.diagnosticCode ?? "status \(recipient.status)"
                try await db.sql.insert(into: BouncingAddress.schema)
                    .columns("id", "email", "reason", "bounced_at")
                    .values(SQLBind(UUID()), SQLBind(EmailAddress.normalized(recipient.email)), SQLBind(reason), SQLBind(now))
                    .ignoringConflicts(with: ["email"])
                    .run()
            }
        }
        return true
    }
}
