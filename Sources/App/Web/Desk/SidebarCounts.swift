import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The numbers beside the sidebar's views ("All open", "Unassigned", "My tickets", "My team",
/// promises due, runaround), which every desk page shows, kept for at most `maxAge` (2 s).
///
/// Why a short cache and not a counter table kept in the ticket's transaction: every ticket write
/// would have to update the same few rows ("open", "unassigned", the owner's and the team's), so
/// concurrent writers on PostgreSQL would queue on those row locks, and every writer of tickets,
/// promises and runaround flags (in several features) would have to keep them right forever. A
/// count read at most 2 s ago needs neither: it is correct with any number of instances because
/// nothing is shared between them, each count is simply never older than `maxAge` measured from
/// when its read began. The instance that commits a write forgets its counts at once
/// (`changed()`), so the agent who just assigned or solved a ticket sees the new numbers on the
/// page they land on; a count read while that write was in flight is not kept.
final class SidebarCounts: Sendable {
    static let defaultMaxAge: Duration = .seconds(2)

    /// One count the sidebar shows.
    enum Key: Hashable, Sendable {
        case view(DeskViewKind, owner: UUID?, teams: [UUID])
        case duePromises
        case runaround
    }

    private struct Entry {
        let value: Int
        let readAt: ContinuousClock.Instant
    }

    private struct State {
        /// Bumped by every committed write; entries are only stored under the generation their
        /// read started in.
        var generation: UInt64 = 0
        var entries: [Key: Entry] = [:]
    }

    let maxAge: Duration
    private let state = NIOLockedValueBox(State())

    init(maxAge: Duration = SidebarCounts.defaultMaxAge) {
        self.maxAge = maxAge
    }

    /// The count under `key`, read by `read` when none younger than `maxAge` is kept.
    func count(_ key: Key, read: () async throws -> Int) async throws -> Int {
        let startedAt = ContinuousClock.now
        let (kept, generation) = state.withLockedValue { state -> (Int?, UInt64) in
            guard let entry = state.entries[key], startedAt - entry.readAt < maxAge else { return (nil, state.generation) }
            return (entry.value, state.generation)
        }
        if let kept { return kept }
        let value = try await read()
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            state.entries[key] = Entry(value: value, readAt: startedAt)
        }
        return value
    }

    /// This instance committed a write: its next page reads the counts again.
    func changed() {
        state.withLockedValue { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}

extension Application {
    private struct SidebarCountsKey: StorageKey {
        typealias Value = SidebarCounts
    }

    /// The sidebar's short-lived counts; set in `configure` (a test may set a shorter `maxAge`).
    var sidebarCounts: SidebarCounts {
        get { storage[SidebarCountsKey.self] ?? SidebarCounts(maxAge: .zero) }
        set { storage[SidebarCountsKey.self] = newValue }
    }
}
