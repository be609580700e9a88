import Fluent
import FrontlineMail
import SQLKit
import Vapor

/// Sends what is due in the outbox. Safe with several app instances: an entry is claimed with a
/// conditional update (queued → sending, with a lease), so only one instance sends it; an instance
/// that dies mid-send leaves a lease that expires, and the mail is tried again.
struct MailDelivery {
    let app: Application

    /// After this many transient failures (about a day of backoff) a mail is given up as failed.
    static let maxAttempts = 12
    static let lease: TimeInterval = 120

    /// Time to wait after the n-th failed attempt: 30 s doubling up to 4 hours.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempt - 1))), 4 * 3600)
    }

    /// Sends every due entry once; returns how many were attempted.
    @discardableResult
    func deliverDue(now: Date = Date(), limit: Int = 20) async throws -> Int {
        guard let smtp = app.frontlineConfig.mail.smtp else { return 0 }
        let claimed = try await claim(now: now, limit: limit)
        let client = SMTPClient(configuration: smtp)
        for id in claimed {
            try await deliver(id, with: client, now: now)
        }
        return claimed.count
    }

    private func claim(now: Date, limit: Int) async throws -> [UUID] {
        try await app.write { db in
            let rows = try await db.sql.raw("""
                UPDATE mail_outbox SET status = 'sending', lease_until = \(bind: now.addingTimeInterval(Self.lease))
                WHERE id IN (
                    SELECT id FROM mail_outbox
                    WHERE (status = 'queued' AND next_attempt_at <= \(bind: now)) OR (status = 'sending' AND lease_until < \(bind: now))
                    ORDER BY next_attempt_at LIMIT \(bind: limit))
                AND ((status = 'queued' AND next_attempt_at <= \(bind: now)) OR (status = 'sending' AND lease_until < \(bind: now)))
                RETURNING id
                """).all()
            return try rows.map { try $0.decode(column: "id", as: UUID.self) }
        }
    }

    private func deliver(_ id: UUID, with client: SMTPClient, now: Date) async throws {
        let settings = app.frontlineConfig.mail
        let publicURL = app.frontlineConfig.publicURL
        let rendered: OutboundRenderer.Rendered
        do {
            rendered = try await app.write { db in
                guard let entry = try await OutboxMail.find(id, on: db) else { throw MailProblem("outbox entry vanished") }
                if let bounced = try await BouncingAddress.query(on: db).filter(\.$email == entry.recipient).first() {
                    throw MailProblem("\(entry.recipient) bounced earlier: \(bounced.reason)")
                }
                return try await OutboundRenderer(db: db, settings: settings, now: now, publicURL: publicURL).render(entry)
            }
        } catch {
            try await finish(id, now: now) { entry, desk, ticket in
                try await fail(entry, reason: String(describing: error), desk: desk, ticket: ticket)
            }
            return
        }
        let outcome: Result<SMTPDeliveryReport, SMTPError>
        do {
            outcome = .success(try await client.send(from: settings.from.email, to: rendered.recipients, message: rendered.bytes))
        } catch {
            outcome = .failure(error)
        }
        try await finish(id, now: now) { entry, desk, ticket in
            entry.attempts += 1
            switch outcome {
            case .success(let report):
                entry.status = .sent
                entry.sentAt = now
                entry.leaseUntil = nil
                try await desk.record("mail_sent", on: ticket, [
                    "kind": .string(entry.kind.rawValue), "recipients": .array(report.acceptedRecipients.map { .string($0) }),
                    "message_id": entry.headerMessageID.map { .string($0) } ?? .null,
                ])
                for rejected in report.rejectedRecipients {
                    try await desk.record("delivery_failed", on: ticket, [
                        "recipient": .string(rejected.recipient), "reason": .string(rejected.description), "permanent": .bool(rejected.isPermanent),
                    ])
                }
            case .failure(let error) where error.isPermanent || entry.attempts >= Self.maxAttempts:
                try await fail(entry, reason: error.description, desk: desk, ticket: ticket)
            case .failure(let error):
                entry.status = .queued
                entry.leaseUntil = nil
                entry.lastError = error.description
                entry.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempt: entry.attempts))
            }
        }
    }

    /// A mail that will not go out shows on its ticket, so the agent knows the customer did not get it.
    private func fail(_ entry: OutboxMail, reason: String, desk: TicketDesk, ticket: Ticket) async throws {
        entry.status = .failed
        entry.leaseUntil = nil
        entry.lastError = String(reason.prefix(2000))
        try await desk.record("delivery_failed", on: ticket, [
            "recipient": .string(entry.recipient), "reason": .string(String(reason.prefix(500))), "permanent": .bool(true),
            "kind": .string(entry.kind.rawValue),
        ])
    }

    private func finish(
        _ id: UUID, now: Date, _ update: @escaping @Sendable (OutboxMail, TicketDesk, Ticket) async throws -> Void
    ) async throws {
        try await app.write { db in
            guard let entry = try await OutboxMail.find(id, on: db), let ticket = try await Ticket.find(entry.ticketId, on: db) else { return }
            try await update(entry, TicketDesk(on: db, actor: .system, at: now), ticket)
            try await entry.save(on: db)
        }
    }
}

/// Runs `MailDelivery` every few seconds while the server runs.
final class MailDeliveryWorker: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard app.frontlineConfig.mail.smtp != nil else {
            app.logger.notice("SMTP_URL is not set: outbound mail stays queued (GET /api/v1/mail/outbox) until it is")
            return
        }
        let interval = app.frontlineConfig.mail.deliveryInterval
        task = Task {
            while !Task.isCancelled {
                do { try await MailDelivery(app: app).deliverDue() } catch {
                    app.logger.warning("mail delivery: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
