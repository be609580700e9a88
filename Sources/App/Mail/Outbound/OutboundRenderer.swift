import Fluent
import FrontlineMail
import Vapor

/// Builds the RFC 5322 message for an outbox entry from the ticket as it is now, with the threading
/// headers that bring the customer's answer back to the same ticket.
struct OutboundRenderer {
    let db: any Database
    let settings: MailSettings
    let now: Date
    /// Where the desk is reached, for links in staff alerts (`FRONTLINE_PUBLIC_URL`).
    var publicURL: String? = nil

    struct Rendered: Sendable {
        let recipients: [String]
        let bytes: [UInt8]
    }

    func render(_ entry: OutboxMail) async throws -> Rendered {
        guard let ticket = try await Ticket.find(entry.ticketId, on: db),
            let requester = try await Customer.find(ticket.requesterId, on: db)
        else { throw MailProblem("the ticket of this mail no longer exists") }
        let ticketId = try ticket.requireID()
        if entry.kind == .staffAlert { return try await renderAlert(entry, ticket: ticket) }

        // The Message-ID is fixed at the first attempt, so a retry is the same mail.
        let messageID = entry.headerMessageID ?? MessageID.make(domain: settings.messageIDDomain)
        if entry.headerMessageID == nil {
            entry.headerMessageID = messageID
            try await entry.save(on: db)
            try await MailThreading(db: db).remember(messageID, ticketId: ticketId, direction: "out", now: now)
        }
        let known = try await MailReference.query(on: db).filter(\.$ticketId == ticketId).sort(\.$createdAt).all()
        let references = known.map(\.messageID).filter { $0 != messageID }.suffix(20)
        let inReplyTo = known.last { $0.direction == "in" }?.messageID

        let to = MailAddress(name: requester.name, email: requester.email)
        var cc: [MailAddress] = []
        let body: String
        let subject: String
        var headers: [(String, String)] = [("X-Frontline-Ticket", String(ticket.number))]
        switch entry.kind {
        case .reply:
            guard let messageId = entry.messageId, let message = try await Message.find(messageId, on: db) else {
                throw MailProblem("the reply of this mail no longer exists")
            }
            body = message.body
            subject = "Re: " + SubjectTag.tagged(SubjectTag.cleanSubject(ticket.subject), number: ticket.number)
            // Never a copy to the desk itself: it would come back as mail from a "customer".
            let ours = try await DeskAddresses.load(settings, on: db)
            cc = try await TicketParticipant.query(on: db).filter(\.$ticketId == ticketId).all()
                .filter { !ours.contains(EmailAddress.normalized($0.email)) && EmailAddress.normalized($0.email) != requester.emailNormalized }
                .map { MailAddress(name: $0.name, email: $0.email) }
        case .acknowledgement:
            body = settings.acknowledgement(name: requester.name, number: ticket.number, subject: ticket.subject, from: settings.from.name)
            subject = SubjectTag.tagged(SubjectTag.cleanSubject(ticket.subject), number: ticket.number)
            headers += [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")]
        case .staffAlert:
            throw MailProblem("a staff alert is not mail to the customer")
        }
        let mail = OutboundMail(
            from: settings.from, to: [to], cc: cc, replyTo: settings.from, subject: subject, textBody: body,
            messageID: messageID, inReplyTo: inReplyTo, references: Array(references), extraHeaders: headers)
        return Rendered(recipients: mail.recipients, bytes: mail.rendered(date: now))
    }
}

extension OutboundRenderer {
    /// A staff member's alert: to them, not the customer, and not part of the ticket's thread (an
    /// answer to it must not land on the ticket as if the customer wrote).
    private func renderAlert(_ entry: OutboxMail, ticket: Ticket) async throws -> Rendered {
        guard let id = entry.notificationId, let notification = try await StaffNotification.find(id, on: db),
            let user = try await User.find(notification.userId, on: db)
        else { throw MailProblem("the alert of this mail no longer exists") }
        let link = publicURL.map { "\n\nOpen the ticket: \($0.hasSuffix("/") ? String($0.dropLast()) : $0)\(WebRoute.desk(.ticket(.value(ticket.number))).path)" } ?? ""
        let body = "\(notification.message)\n\nTicket #\(ticket.number): \(ticket.subject)\(link)\n"
        let messageID = entry.headerMessageID ?? MessageID.make(domain: settings.messageIDDomain)
        if entry.headerMessageID == nil {
            entry.headerMessageID = messageID
            try await entry.save(on: db)
        }
        let mail = OutboundMail(
            from: settings.from, to: [MailAddress(name: user.name, email: user.email)], cc: [], replyTo: nil,
            subject: "Frontline alert: " + String(notification.message.prefix(120)), textBody: body,
            messageID: messageID, inReplyTo: nil, references: [],
            extraHeaders: [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"), ("X-Frontline-Ticket", String(ticket.number))])
        return Rendered(recipients: mail.recipients, bytes: mail.rendered(date: now))
    }
}

extension MailSettings {
    /// The automatic acknowledgement; `FRONTLINE_MAIL_ACK_TEMPLATE` names a file with the same
    /// placeholders to use instead.
    static let defaultAcknowledgement = """
        Hello {{name}},

        thank you for writing to us. Your request is now ticket #{{number}}: "{{subject}}".
        A person will answer you as soon as possible; you do not need to write again or call.

        To add anything, reply to this email and keep [#{{number}}] in the subject.

        {{team}}
        """

    func acknowledgement(name: String, number: Int, subject: String, from team: String?) -> String {
        acknowledgementTemplate
            .replacingOccurrences(of: "{{name}}", with: name)
            .replacingOccurrences(of: "{{number}}", with: String(number))
            .replacingOccurrences(of: "{{subject}}", with: subject)
            .replacingOccurrences(of: "{{team}}", with: team ?? "The support team")
    }
}
