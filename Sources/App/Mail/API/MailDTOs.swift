import Vapor

/// An inbound message's record.
struct InboundMailDTO: Content {
    let id: UUID
    let messageId: String?
    let size: Int
    let source: String
    let status: String
    let error: String?
    let ticketId: UUID?
    let receivedAt: Date
    let processedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, size, source, status, error
        case messageId = "message_id", ticketId = "ticket_id", receivedAt = "received_at", processedAt = "processed_at"
    }

    init(_ mail: InboundMail) throws {
        id = try mail.requireID()
        messageId = mail.messageID
        size = mail.size
        source = mail.source
        status = mail.status.rawValue
        error = mail.error
        ticketId = mail.ticketId
        receivedAt = mail.receivedAt
        processedAt = mail.processedAt
    }
}

/// An outbox entry.
struct OutboxMailDTO: Content {
    let id: UUID
    let ticketId: UUID
    let messageId: Int?
    let kind: String
    let recipient: String
    let status: String
    let attempts: Int
    let nextAttemptAt: Date
    let lastError: String?
    let headerMessageId: String?
    let createdAt: Date
    let sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, recipient, status, attempts
        case ticketId = "ticket_id", messageId = "message_id", nextAttemptAt = "next_attempt_at", lastError = "last_error"
        case headerMessageId = "header_message_id", createdAt = "created_at", sentAt = "sent_at"
    }

    init(_ mail: OutboxMail) throws {
        id = try mail.requireID()
        ticketId = mail.ticketId
        messageId = mail.messageId
        kind = mail.kind.rawValue
        recipient = mail.recipient
        status = mail.status.rawValue
        attempts = mail.attempts
        nextAttemptAt = mail.nextAttemptAt
        lastError = mail.lastError
        headerMessageId = mail.headerMessageID
        createdAt = mail.createdAt
        sentAt = mail.sentAt
    }
}

/// A file attached to a ticket's message.
struct AttachmentDTO: Content {
    let id: UUID
    let ticketId: UUID
    let messageId: Int?
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String
    let inline: Bool
    let url: String

    enum CodingKeys: String, CodingKey {
        case id, filename, size, sha256, inline, url
        case ticketId = "ticket_id", messageId = "message_id", contentType = "content_type"
    }

    init(_ attachment: Attachment) throws {
        id = try attachment.requireID()
        ticketId = attachment.ticketId
        messageId = attachment.messageId
        filename = attachment.filename
        contentType = attachment.contentType
        size = attachment.size
        sha256 = attachment.sha256
        inline = attachment.inline
        url = "/api/v1/attachments/\(id)"
    }
}
