import Foundation
import Vapor

/// Runs the scheduler every `FRONTLINE_SCHEDULER_INTERVAL` seconds while the app is up.
/// Registered by `configure` outside tests; tests call `Scheduler.tick(now:)` directly.
final class SchedulerService: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let interval = application.frontlineConfig.schedulerInterval
        let scheduler = Scheduler(app: application)
        let logger = application.logger
        let loop = Task {
            while !Task.isCancelled {
                do {
                    let report = try await scheduler.tick(now: application.clock.now())
                    if report != Scheduler.Report() { logger.info("scheduler: \(report)") }
                } catch {
                    // A failed tick is retried on the next one; nothing was claimed by its rolled-back batch.
                    logger.error("scheduler tick failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
        lock.withLock { task = loop }
    }

    func shutdownAsync(_ application: Application) async {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
