import Fluent
import FrontlineMail
import SQLKit
import Vapor

/// Sends what is due in the outbox. Safe with several app instances: each mail is claimed on its
/// own with a conditional update (queued → sending) that stores a fresh lease token; only the holder
/// of the token may finish it, and the holder renews the lease while a slow server keeps it busy. An
/// instance that dies mid-send leaves a lease that expires, and the mail is tried again.
struct MailDelivery {
    let app: Application
    /// How long a claim holds without renewal; renewed every third of it during a delivery.
    var lease: TimeInterval = Self.lease

    /// After this many transient failures (about a day of backoff) a mail is given up as failed.
    static let maxAttempts = 12
    static let lease: TimeInterval = 120

    /// Time to wait after the n-th failed attempt: 30 s doubling up to 4 hours.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempt - 1))), 4 * 3600)
    }

    /// One claimed mail: its id and the token that proves the claim is still ours.
    struct Claim: Sendable {
        let id: UUID
        let token: String
    }

    /// Sends due entries one at a time, up to `limit`; returns how many were attempted. `now` is the
    /// time of the first claim; later claims add the time spent since.
    @discardableResult
    func deliverDue(now: Date, limit: Int = 20) async throws -> Int {
        guard let smtp = app.frontlineConfig.mail.smtp else { return 0 }
        let client = SMTPClient(configuration: smtp)
        let started = ContinuousClock.now
        var attempted = 0
        while attempted < limit {
            let claimedAt = now.addingTimeInterval(Self.seconds(since: started))
            guard let claim = try await claimNext(now: claimedAt) else { break }
            attempted += 1
            try await deliver(claim, with: client, now: claimedAt)
        }
        return attempted
    }

    private static func seconds(since start: ContinuousClock.Instant) -> TimeInterval {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func claimNext(now: Date) async throws -> Claim? {
        let token = UUID().uuidString
        return try await app.write { db in
            let rows = try await db.sql.raw("""
                UPDATE mail_outbox SET status = 'sending', lease_until = \(bind: now.addingTimeInterval(lease)), lease_token = \(bind: token)
                WHERE id = (
                    SELECT id FROM mail_outbox
                    WHERE (status = 'queued' AND next_attempt_at <= \(bind: now)) OR (status = 'sending' AND lease_until < \(bind: now))
                    ORDER BY next_attempt_at LIMIT 1)
                AND ((status = 'queued' AND next_attempt_at <= \(bind: now)) OR (status = 'sending' AND lease_until < \(bind: now)))
                RETURNING id
                """).all()
            return try rows.first.map { Claim(id: try $0.decode(column: "id", as: UUID.self), token: token) }
        }
    }

    /// Extends our lease while a delivery is under way; false when it is no longer ours.
    private func renew(_ claim: Claim, until: Date) async throws -> Bool {
        try await app.write { db in
            try await !db.sql.raw("""
                UPDATE mail_outbox SET lease_until = \(bind: until)
                WHERE id = \(bind: claim.id) AND lease_token = \(bind: claim.token) AND status = 'sending'
                RETURNING id
                """).all().isEmpty
        }
    }

    private func deliver(_ claim: Claim, with client: SMTPClient, now: Date) async throws {
        let settings = app.frontlineConfig.mail
        let publicURL = app.frontlineConfig.publicURL
        let rendered: OutboundRenderer.Rendered
        do {
            rendered = try await app.write { db in
                guard let entry = try await OutboxMail.find(claim.id, on: db) else { throw MailProblem("outbox entry vanished") }
                if let bounced = try await BouncingAddress.query(on: db).filter(\.$email == entry.recipient).first() {
                    throw MailProblem("\(entry.recipient) bounced earlier: \(bounced.reason)")
                }
                return try await OutboundRenderer(db: db, settings: settings, now: now, publicURL: publicURL).render(entry)
            }
        } catch {
            try await finish(claim, now: now) { entry, desk, ticket in
                try await fail(entry, reason: String(describing: error), desk: desk, ticket: ticket)
            }
            return
        }
        let outcome: Result<SMTPDeliveryReport, SMTPError> = await withRenewedLease(claim, from: now) {
            do throws(SMTPError) {
                return .success(try await client.send(from: settings.from.email, to: rendered.recipients, message: rendered.bytes))
            } catch {
                return .failure(error)
            }
        }
        try await finish(claim, now: now) { entry, desk, ticket in
            entry.attempts += 1
            switch outcome {
            case .success(let report):
                entry.status = .sent
                entry.sentAt = now
                entry.leaseUntil = nil
                try await desk.record(.mailSent(.init(
                    kind: entry.kind, recipients: report.acceptedRecipients, messageId: entry.headerMessageID)), on: ticket)
                for rejected in report.rejectedRecipients {
                    try await desk.record(.deliveryFailed(.init(
                        recipient: rejected.recipient, reason: rejected.description, permanent: rejected.isPermanent)), on: ticket)
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

    /// Runs `send` while renewing the lease every third of its length, so a slow server (30 s per
    /// command, several commands) never lets the claim lapse under a delivery still under way.
    private func withRenewedLease<T: Sendable>(_ claim: Claim, from now: Date, _ send: @Sendable () async -> T) async -> T {
        let started = ContinuousClock.now
        let interval = lease / 3
        let renewal = Task { [app] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                guard !Task.isCancelled else { return }
                let until = now.addingTimeInterval(Self.seconds(since: started) + lease)
                do {
                    if try await !renew(claim, until: until) { return }
                } catch {
                    app.logger.warning("mail delivery: could not renew the lease of \(claim.id): \(error)")
                }
            }
        }
        defer { renewal.cancel() }
        return await send()
    }

    /// A mail that will not go out shows on its ticket, so the agent knows the customer did not get it.
    private func fail(_ entry: OutboxMail, reason: String, desk: TicketDesk, ticket: Ticket) async throws {
        entry.status = .failed
        entry.leaseUntil = nil
        entry.lastError = String(reason.prefix(2000))
        try await desk.record(.deliveryFailed(.init(
            recipient: entry.recipient, reason: String(reason.prefix(500)), permanent: true, kind: entry.kind)), on: ticket)
    }

    /// Records the outcome, but only while the claim is ours: a worker whose lease was taken over
    /// must not overwrite what the new holder did (or is doing).
    private func finish(
        _ claim: Claim, now: Date, _ update: @escaping @Sendable (OutboxMail, TicketDesk, Ticket) async throws -> Void
    ) async throws {
        try await app.write { db in
            // A conditional update first: it confirms the claim and, on PostgreSQL, locks the row
            // until this transaction ends, so a competitor cannot claim it in between.
            let ours = try await !db.sql.raw("""
                UPDATE mail_outbox SET lease_token = \(bind: claim.token)
                WHERE id = \(bind: claim.id) AND lease_token = \(bind: claim.token) AND status = 'sending'
                RETURNING id
                """).all().isEmpty
            guard ours, let entry = try await OutboxMail.find(claim.id, on: db) else {
                app.logger.warning("mail delivery: the lease of \(claim.id) was taken over; its outcome is not recorded")
                return
            }
            guard let ticket = try await Ticket.find(entry.ticketId, on: db) else { return }
            try await update(entry, TicketDesk(on: db, actor: .system, at: now), ticket)
            entry.leaseToken = nil
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
                do { try await MailDelivery(app: app).deliverDue(now: app.clock.now()) } catch {
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
