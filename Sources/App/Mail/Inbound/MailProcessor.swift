import Fluent
import FrontlineCore
import FrontlineMail
import Vapor

/// Turns a stored, parsed message into what it means for the desk: a new ticket, a message on an
/// existing one, a follow-up to a closed one, or a bounce on the ticket whose mail bounced.
struct MailProcessor {
    let app: Application

    /// Never throws: a failure is written on the record with its reason, for an admin to see and retry.
    func process(_ record: InboundMail, parsed: ParsedMessage, now: Date) async {
        do {
            let attachments = try await app.threadPool.runIfActive { [app] in try Self.storeAttachments(parsed, app: app) }
            try await app.write { db in
                try await apply(parsed, record: record, attachments: attachments, on: db, now: now)
                record.processedAt = now
                try await record.save(on: db)
            }
        } catch {
            let reason = (error as? any AbortError)?.reason ?? String(describing: error)
            app.logger.warning("inbound mail \(record.id?.uuidString ?? "?") failed: \(reason)")
            record.status = .failed
            record.error = String(reason.prefix(2000))
            record.processedAt = now
            _ = try? await app.write { db in try await record.save(on: db) }
        }
    }

    /// Attachment bytes go to the blob store before the transaction that refers to them; files the
    /// customer attached (not inline images) also become their documents (see `keepDetails`).
    private static func storeAttachments(_ parsed: ParsedMessage, app: Application) throws -> [(MailAttachment, String)] {
        let store = BlobStore(dataDirectory: app.frontlineConfig.dataDirectory, kind: "attachments")
        let documents = BlobStore(dataDirectory: app.frontlineConfig.dataDirectory, kind: "documents")
        return try parsed.attachments.map { attachment in
            let hash = try store.put(attachment.data)
            if !attachment.isInline { try documents.adopt(hash, from: store) }
            return (attachment, hash)
        }
    }

    private func apply(
        _ parsed: ParsedMessage, record: InboundMail, attachments: [(MailAttachment, String)], on db: any Database, now: Date
    ) async throws {
        let settings = app.frontlineConfig.mail
        if parsed.deliveryStatus != nil || parsed.isDeliveryStatusNotification {
            record.status = try await BounceRecorder(db: db, now: now).record(parsed) ? .bounce : .ignored
            if record.status == .ignored { record.error = "a delivery report about a message Frontline does not know" }
            return
        }
        guard let sender = parsed.replyTo.first ?? parsed.from, EmailAddress.isValid(sender.email) else {
            throw MailProblem("the message has no usable From address")
        }
        if settings.ourAddresses.contains(sender.email.lowercased()) {
            record.status = .ignored
            record.error = "sent from one of our own addresses (\(sender.email)): a loop, not a customer"
            return
        }

        let author = try await CustomerDirectory.findOrCreate(email: sender.email, name: sender.name, on: db, at: now)
        let threading = MailThreading(db: db)
        var ticket = try await threading.ticket(for: parsed, from: author)
        var followUpOf: Ticket?
        if let existing = ticket, existing.status == .closed {
            followUpOf = existing
            ticket = nil
        }

        let desk = TicketDesk(on: db, actor: .customer(author), at: now)
        let body = Self.body(of: parsed)
        let message: Message
        if let ticket {
            message = try await desk.addMessage(to: ticket, body: body, visibility: .public, channel: .email)
        } else {
            var new = TicketDesk.NewTicket(
                subject: SubjectTag.cleanSubject(parsed.subject).isEmpty ? "(no subject)" : SubjectTag.cleanSubject(parsed.subject),
                body: body, requesterEmail: author.email, requesterName: author.name)
            new.channel = .email
            let created = try await desk.create(new)
            guard let first = try await Message.query(on: db).filter(\.$ticketId == (try created.requireID())).first() else {
                throw MailProblem("the new ticket has no first message")
            }
            message = first
            if let old = followUpOf {
                try await desk.record("follow_up_created", on: old, ["follow_up_number": .number(Double(created.number))])
                try await desk.record("follow_up_of", on: created, ["original_number": .number(Double(old.number))])
            }
            ticket = created
            if settings.acknowledgeNewTickets {
                try await MailOutbox(db: db, now: now).acknowledge(created, to: author.email, inReplyTo: parsed, settings: settings)
            }
        }
        guard let ticket else { return }
        let ticketId = try ticket.requireID()
        try await keepDetails(of: parsed, message: message, ticketId: ticketId, requester: author, attachments: attachments, on: db, now: now)
        record.status = .processed
        record.ticketId = ticketId
    }

    /// Threading keys, participants, HTML and attachments of the message.
    private func keepDetails(
        of parsed: ParsedMessage, message: Message, ticketId: UUID, requester: Customer,
        attachments: [(MailAttachment, String)], on db: any Database, now: Date
    ) async throws {
        let messageId = try message.requireID()
        if let id = parsed.messageID {
            try await MailThreading(db: db).remember(id, ticketId: ticketId, direction: "in", now: now)
        }
        let ours = app.frontlineConfig.mail.ourAddresses
        for copied in parsed.cc + parsed.to where !ours.contains(copied.email.lowercased()) && copied.email.lowercased() != requester.emailNormalized {
            try await MailThreading(db: db).addParticipant(copied, ticketId: ticketId, now: now)
        }
        var byContentID: [String: UUID] = [:]
        for (attachment, hash) in attachments {
            let row = Attachment(
                ticketId: ticketId, messageId: messageId, filename: attachment.filename, contentType: attachment.contentType,
                size: attachment.data.count, sha256: hash, contentID: attachment.contentID, inline: attachment.isInline, at: now)
            try await row.create(on: db)
            if let cid = attachment.contentID { byContentID[cid] = try row.requireID() }
            if !attachment.isInline { try await keepOnRecord(attachment, hash: hash, from: requester, on: db, now: now) }
        }
        if parsed.htmlBody != nil {
            // Inline images point at their attachment's download (which checks who may see it);
            // remote images stay blocked until the agent allows them.
            message.html = parsed.resolvingContentIDs { cid in byContentID[cid].map { "/api/v1/attachments/\($0)" } }
            try await message.save(on: db)
        }
    }

    /// A file a customer sent (a receipt, a warranty card) is on record with the customer, listed
    /// from every ticket of theirs, never only inside one message. The same file sent twice is one document.
    private func keepOnRecord(_ attachment: MailAttachment, hash: String, from customer: Customer, on db: any Database, now: Date) async throws {
        let customerId = try customer.requireID()
        let known = try await CustomerDocument.query(on: db).filter(\.$customerId == customerId).filter(\.$sha256 == hash).count()
        guard known == 0 else { return }
        let document = CustomerDocument(
            customerId: customerId, sha256: hash, filename: String((attachment.filename as NSString).lastPathComponent.prefix(255)),
            contentType: attachment.contentType, size: attachment.data.count, uploadedBy: .customer(customer), at: now)
        document.uploadedByName += " (by email)"
        try await document.create(on: db)
    }

    /// The text the desk shows: the plain text part, or text made from the HTML.
    static func body(of parsed: ParsedMessage) -> String {
        let text = parsed.textBody.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { return String(text.prefix(TicketInput.maxBodyLength)) }
        return parsed.attachments.isEmpty ? "(the message has no text)" : "(the message has no text; see the attachments)"
    }
}

/// A reason a message could not be processed, kept on its record.
struct MailProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
