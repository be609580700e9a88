import Fluent
import FrontlineMail
import Vapor

/// Finishes what a crash interrupted: a message whose row was committed as `received` but that was
/// never processed (the process died between storing and processing) is processed here, once, even
/// with several instances looking at the same time (each message is claimed first).
struct InboundRecovery {
    let app: Application

    /// A message younger than this may still be in the hands of the process that stored it.
    static let minimumAge: TimeInterval = 60

    /// Processes every message left `received` for longer than `minimumAge`; returns how many this call processed.
    @discardableResult
    func run(now: Date, limit: Int = 100) async throws -> Int {
        let stale = try await InboundMail.query(on: app.db)
            .filter(\.$status == .received).filter(\.$receivedAt < now.addingTimeInterval(-Self.minimumAge))
            .sort(\.$receivedAt).limit(limit).all()
        var processed = 0
        for record in stale {
            let id = try record.requireID()
            guard let claim = try await app.write({ db in try await InboundClaim.take(id, on: db, now: now) }) else { continue }
            if try await MailIngestor(app: app).processStored(record, claim: claim, now: now) { processed += 1 }
        }
        if processed > 0 { app.logger.notice("processed \(processed) inbound message(s) left unprocessed by an earlier run") }
        return processed
    }
}

/// Runs `InboundRecovery` at start and every 30 seconds while the server runs.
final class InboundRecoveryWorker: LifecycleHandler, @unchecked Sendable {
    static let interval = Duration.seconds(30)
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        task = Task {
            while !Task.isCancelled {
                do { try await InboundRecovery(app: app).run(now: app.clock.now()) } catch {
                    app.logger.warning("inbound mail recovery: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
