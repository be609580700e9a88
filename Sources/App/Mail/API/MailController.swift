import Fluent
import Vapor

/// `/api/v1/mail`: raw messages in, the record of what became of them, and the outbox. Admins only:
/// the inbound endpoint is for the mail server's integration token.
enum MailController {
    struct InboundList: Content {
        let mails: [InboundMailDTO]
    }

    struct OutboxList: Content {
        let mails: [OutboxMailDTO]
    }

    /// `POST /mail/inbound` with the raw RFC 5322 message as the body: 202 once it is stored.
    @Sendable static func inbound(req: Request) async throws -> Response {
        _ = try req.staff(atLeast: .admin)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw RequestError(.badRequest, "not_mail", "the body must be the raw message (message/rfc822)")
        }
        let record: InboundMail
        do {
            record = try await MailIngestor(app: req.application).ingest(Array(buffer: body), source: "http", now: req.now)
        } catch {
            switch error {
            case .notMail(let reason):
                throw RequestError(.badRequest, "not_mail", "not a mail message: \(reason)")
            case .notStored(let reason):
                req.logger.error("inbound mail not stored: \(reason)")
                throw RequestError(.serviceUnavailable, "not_stored", "the message could not be stored; send it again later")
            }
        }
        return try await InboundMailDTO(record).encodeResponse(status: .accepted, for: req)
    }

    @Sendable static func list(req: Request) async throws -> InboundList {
        _ = try req.staff(atLeast: .admin)
        let query = InboundMail.query(on: req.db)
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let status = InboundMail.Status(rawValue: raw) else {
                throw RequestError.invalid("status", "status must be received, processed, bounce, ignored or failed")
            }
            query.filter(\.$status == status)
        }
        let mails = try await query.sort(\.$receivedAt, .descending).limit(200).all()
        return InboundList(mails: try mails.map(InboundMailDTO.init))
    }

    @Sendable static func retry(req: Request) async throws -> InboundMailDTO {
        _ = try req.staff(atLeast: .admin)
        guard let record = try await InboundMail.find(try req.id("mailID", of: "inbound mail"), on: req.db) else {
            throw RequestError.notFound("inbound mail")
        }
        guard record.status == .failed else {
            throw RequestError.conflict("only a failed message is processed again; this one is \(record.status.rawValue)")
        }
        guard try await MailIngestor(app: req.application).retry(record, now: req.now) else {
            throw RequestError.conflict("this message is being processed again already")
        }
        return try InboundMailDTO(record)
    }

    @Sendable static func outbox(req: Request) async throws -> OutboxList {
        _ = try req.staff(atLeast: .admin)
        let query = OutboxMail.query(on: req.db)
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let status = OutboxMail.Status(rawValue: raw) else {
                throw RequestError.invalid("status", "status must be queued, sending, sent or failed")
            }
            query.filter(\.$status == status)
        }
        let mails = try await query.sort(\.$createdAt, .descending).limit(200).all()
        return OutboxList(mails: try mails.map(OutboxMailDTO.init))
    }
}
