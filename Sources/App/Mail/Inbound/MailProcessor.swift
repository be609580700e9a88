import Fluent
import FrontlineCore
import FrontlineMail
import Vapor

/// Turns a stored, parsed message into what it means for the desk: a new ticket, a message on an
/// existing one, a follow-up to a closed one, or a bounce on the ticket whose mail bounced.
struct MailProcessor {
    let app: Application

    /// Never throws: a failure is written on the record with its reason, for an admin to see and
    /// retry. Runs only under `claim`, which the transaction confirms first: if the claim was taken
    /// over meanwhile, nothing is written (the other process does the work).
    func process(_ record: InboundMail, parsed: ParsedMessage, claim: InboundClaim, now: Date) async {
        do {
            let attachments = try await app.threadPool.runIfActive { [app] in try Self.storeAttachments(parsed, app: app) }
            try await app.write { db in
                guard try await claim.confirm(on: db) else { throw InboundClaim.Lost() }
                try await apply(parsed, record: record, attachments: attachments, on: db, now: now)
                record.processedAt = now
                try await record.save(on: db)
            }
        } catch is InboundClaim.Lost {
            app.logger.notice("inbound mail \(record.id?.uuidString ?? "?") was taken over by another process")
        } catch {
            let reason = (error as? any AbortError)?.reason ?? String(describing: error)
            app.logger.warning("inbound mail \(record.id?.uuidString ?? "?") failed: \(reason)")
            record.status = .failed
            record.error = String(reason.prefix(2000))
            record.processedAt = now
            _ = try? await app.write { db in try await claim.fail(reason: reason, on: db, now: now) }
        }
    }

    /// Processes a new message inside the transaction that stores its record. Processing runs in a
    /// savepoint: when it fails, its writes roll back and the record commits as `failed` with the
    /// reason, for an admin to see and retry.
    func process(
        _ record: InboundMail, parsed: ParsedMessage, attachments: [(MailAttachment, String)], in db: any Database, now: Date
    ) async throws {
        let sql = try db.sql
        try await sql.raw("SAVEPOINT frontline_mail").run()
        do {
            try await apply(parsed, record: record, attachments: attachments, on: db, now: now)
            try await sql.raw("RELEASE SAVEPOINT frontline_mail").run()
        } catch {
            try await sql.raw("ROLLBACK TO SAVEPOINT frontline_mail").run()
            try await sql.raw("RELEASE SAVEPOINT frontline_mail").run()
            let reason = (error as? any AbortError)?.reason ?? String(describing: error)
            app.logger.warning("inbound mail \(record.id?.uuidString ?? "?") failed: \(reason)")
            record.status = .failed
            record.error = String(reason.prefix(2000))
            record.ticketId = nil
        }
        record.processedAt = now
        try await record.save(on: db)
    }

    /// Attachment bytes go to the blob store before the transaction that refers to them; files the
    /// customer attached (not inline images) also become their documents (see `keepDetails`).
    static func storeAttachments(_ parsed: ParsedMessage, app: Application) throws -> [(MailAttachment, String)] {
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
        if let id = parsed.messageID, try await MailLoop.isOurOwn(messageID: id, on: db) {
            record.status = .ignored
            record.error = "carries a Message-ID Frontline generated (\(id)): our own mail coming back, a loop"
            return
        }
        // The author is who wrote it (From, or Sender when From is missing), never Reply-To: that
        // only says where answers go, and anyone can put a customer's address there.
        guard let sender = Self.author(of: parsed) else {
            throw MailProblem("the message has no usable From address")
        }
        let ours = try await DeskAddresses.load(settings, on: db)
        if ours.contains(sender.email.lowercased()) {
            record.status = .ignored
            record.error = "sent from one of our own addresses (\(sender.email)): a loop, not a customer"
            return
        }

        let author = try await CustomerDirectory.findOrCreate(email: sender.email, name: sender.name, on: db, at: now)
        let threading = MailThreading(db: db)
        var ticket = try await threading.ticket(for: parsed, from: author)
        let threaded = ticket != nil
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
                subject: Self.subject(of: parsed), body: body, requesterEmail: author.email, requesterName: author.name)
            new.channel = .email
            let created = try await desk.create(new, requesterFromMail: true)
            guard let first = try await Message.query(on: db).filter(\.$ticketId == (try created.requireID())).first() else {
                throw MailProblem("the new ticket has no first message")
            }
            message = first
            if let old = followUpOf {
                try await desk.record(.followUpCreated(.init(followUpNumber: created.number)), on: old)
                try await desk.record(.followUpOf(.init(originalNumber: old.number)), on: created)
            }
            ticket = created
            if settings.acknowledgeNewTickets {
                try await MailOutbox(db: db, now: now).acknowledge(created, to: author.email, inReplyTo: parsed, ourAddresses: ours)
            }
        }
        guard let ticket else { return }
        let ticketId = try ticket.requireID()
        let copied = MailCopies(ours: ours, author: author.emailNormalized, requesterId: ticket.requesterId)
        try await keepDetails(
            of: parsed, message: message, ticketId: ticketId, author: author, copied: copied, threaded: threaded,
            attachments: attachments, on: db, now: now)
        record.status = .processed
        record.ticketId = ticketId
    }

    /// Threading keys, participants, HTML and attachments of the message. Whoever the customer
    /// copies on a new request becomes a participant; on a reply to an existing ticket, people not
    /// on it yet are only suggested (copying a stranger must not subscribe them to the ticket).
    private func keepDetails(
        of parsed: ParsedMessage, message: Message, ticketId: UUID, author: Customer, copied: MailCopies, threaded: Bool,
        attachments: [(MailAttachment, String)], on db: any Database, now: Date
    ) async throws {
        let messageId = try message.requireID()
        let threading = MailThreading(db: db)
        if let id = parsed.messageID {
            try await threading.remember(id, ticketId: ticketId, direction: "in", now: now)
        }
        let requester = try await Customer.find(copied.requesterId, on: db)
        for address in parsed.cc + parsed.to where copied.isSomeoneElse(address.email, requester: requester?.emailNormalized) {
            if threaded {
                try await threading.suggestParticipant(address, ticketId: ticketId, now: now)
            } else {
                try await threading.addParticipant(address, ticketId: ticketId, now: now)
            }
        }
        var byContentID: [String: UUID] = [:]
        for (attachment, hash) in attachments {
            let row = Attachment(
                ticketId: ticketId, messageId: messageId, filename: attachment.filename, contentType: attachment.contentType,
                size: attachment.data.count, sha256: hash, contentID: attachment.contentID, inline: attachment.isInline, at: now)
            try await row.create(on: db)
            if let cid = attachment.contentID { byContentID[cid] = try row.requireID() }
            if !attachment.isInline { try await keepOnRecord(attachment, hash: hash, from: author, on: db, now: now) }
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

    /// Who wrote the message: From, else Sender (RFC 5322 §3.6.2), when it is a mailbox we can answer.
    static func author(of parsed: ParsedMessage) -> MailAddress? {
        [parsed.from, parsed.sender].compactMap { $0 }.first { EmailAddress.isMailbox($0.email) }
    }

    /// The ticket's subject: the message's without reply prefixes and our tag, cut to what a ticket
    /// holds (mail clients send subjects of any length; refusing the message for it would lose it).
    static func subject(of parsed: ParsedMessage) -> String {
        let subject = SubjectTag.cleanSubject(parsed.subject)
        guard !subject.isEmpty else { return "(no subject)" }
        return String(String.UnicodeScalarView(subject.unicodeScalars.prefix(TicketInput.maxSubjectLength)))
    }

    /// The text the desk shows: the plain text part, or text made from the HTML.
    static func body(of parsed: ParsedMessage) -> String {
        let text = parsed.textBody.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { return String(text.prefix(TicketInput.maxBodyLength)) }
        return parsed.attachments.isEmpty ? "(the message has no text)" : "(the message has no text; see the attachments)"
    }
}

/// Who else an inbound message copied: anyone but the desk, its author and the ticket's requester.
struct MailCopies {
    let ours: Set<String>
    let author: String
    let requesterId: UUID

    func isSomeoneElse(_ email: String, requester: String?) -> Bool {
        let address = EmailAddress.normalized(email)
        return !ours.contains(address) && address != author && address != requester
    }
}

/// A reason a message could not be processed, kept on its record.
struct MailProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
