#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The commands waiting for SQLite's write lock, as the server can see them.
///
/// SQLite gives the lock to whoever asks at the right moment; a busy server asks again right after
/// each of its group commits, so a command polling beside it (the mail pipe) could wait a long time.
/// A waiting command holds a shared `flock` on `<database>-waiting`; after each commit the server
/// tries an exclusive one without blocking, and if it cannot have it, pauses a moment before its
/// next transaction so the command gets its turn. The kernel drops the lock of a command that died,
/// so a crash can never slow the server down.
final class WaitingWriters: Sendable {
    private let descriptor: Int32

    init?(databasePath: String) {
        let descriptor = open(databasePath + "-waiting", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Says "waiting" (several commands may); false when the server was looking just then.
    func announce() -> Bool {
        flock(descriptor, LOCK_SH | LOCK_NB) == 0
    }

    func withdraw() {
        _ = flock(descriptor, LOCK_UN)
    }

    /// Whether some command is waiting for the write lock now.
    var someoneIsWaiting: Bool {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        _ = flock(descriptor, LOCK_UN)
        return false
    }
}
