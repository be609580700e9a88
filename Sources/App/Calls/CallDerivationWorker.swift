import Foundation
import Vapor

/// Derives queued calls while the server runs: at once when the webhook says an event was stored,
/// and every scheduler interval anyway (events stored by another instance, retries after failures).
final class CallDerivationWorker: LifecycleHandler, @unchecked Sendable {
    let wake = WakeSignal()
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        let interval = app.frontlineConfig.schedulerInterval
        let queue = CallDerivationQueue(app: app)
        let wake = wake
        let loop = Task {
            while !Task.isCancelled {
                do { try await queue.drain() } catch {
                    app.logger.error("call derivations: \(String(reflecting: error))")
                }
                await wake.wait(upTo: .seconds(interval))
            }
        }
        lock.withLock { task = loop }
    }

    func shutdownAsync(_ app: Application) async {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        wake.raise()
        await running?.value
    }
}

/// A one-slot doorbell: `raise` wakes the waiter, or the next `wait` if nobody waits yet; raises
/// while nobody waits collapse into one.
final class WakeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var waiter: CheckedContinuation<Void, Never>?

    func raise() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if let waiter {
                self.waiter = nil
                return waiter
            }
            raised = true
            return nil
        }
        waiting?.resume()
    }

    /// Returns when raised or after `timeout`, whichever comes first.
    func wait(upTo timeout: Duration) async {
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.raise()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock { () -> Bool in
                if raised {
                    raised = false
                    return true
                }
                waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
        timer.cancel()
    }
}

extension Application {
    private struct CallDerivationWorkerKey: StorageKey {
        typealias Value = CallDerivationWorker
    }

    /// The running worker, if this app runs one (tests drain the queue themselves).
    var callDerivationWorker: CallDerivationWorker? {
        get { storage[CallDerivationWorkerKey.self] }
        set { storage[CallDerivationWorkerKey.self] = newValue }
    }
}
