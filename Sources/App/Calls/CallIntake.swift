import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// Stores call events as the webhook receives them, many at a time: the events that arrive while a
/// batch is being written go together into the next one, as a handful of multi-row statements in one
/// write, whatever the number of events (store the events, skip ids already stored, make the calls'
/// rows, queue the calls, read the calls' ids). Each webhook request waits for its batch to commit,
/// so "accepted" still means on disk.
actor CallIntake {
    private struct Waiting {
        let event: CallEventPayload
        let kind: CallEventFact.Kind
        let continuation: CheckedContinuation<UUID?, any Error>
    }

    /// Enough to amortise a commit; few enough to stay far below any database's bind-parameter limit.
    private static let maxBatch = 256

    private let app: Application
    private var waiting: [Waiting] = []
    private var writing = false

    init(app: Application) {
        self.app = app
    }

    /// Stores the event and queues its call; returns the call's id, or nil for an event id already stored.
    func accept(_ event: CallEventPayload, kind: CallEventFact.Kind) async throws -> UUID? {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(event: event, kind: kind, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.writeAll() }
            }
        }
    }

    private func writeAll() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.maxBatch))
            waiting.removeFirst(batch.count)
            do {
                let ids = try await Self.store(batch.map { ($0.event, $0.kind) }, app: app)
                for (item, id) in zip(batch, ids) { item.continuation.resume(returning: id) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// One write for the whole batch; the result is, per event in order, its call's id or nil
    /// when its id was stored before (or earlier in the same batch).
    private static func store(_ events: [(CallEventPayload, CallEventFact.Kind)], app: Application) async throws -> [UUID?] {
        let now = app.clock.now()
        return try await app.write { db in
            let sql = try db.sql
            let rows: [[any SQLExpression]] = events.map { event, kind in
                [
                    SQLBind(UUID()), SQLBind(event.id), SQLBind(event.callId), SQLBind(kind.rawValue), SQLBind(event.at),
                    SQLBind(event.direction), SQLBind(event.customerPhone.flatMap(PhoneNumber.normalized)),
                    SQLBind(event.agentEmail.map(EmailAddress.normalized)), SQLBind(event.toldWaitSeconds),
                    SQLBind(event.toUserEmail.map(EmailAddress.normalized)), SQLBind(event.toTeamId), SQLBind(event.outcome),
                    SQLBind(now),
                ]
            }
            let stored = Set(try await sql.insert(into: CallEventRecord.schema)
                .columns("id", "event_id", "call_ref", "type", "at", "direction", "customer_phone", "agent_email",
                         "told_wait_seconds", "to_user_email", "to_team_id", "outcome", "received_at")
                .rows(rows)
                .ignoringConflicts(with: ["event_id"])
                .returning("event_id")
                .all().map { try $0.decode(column: "event_id", as: String.self) })
            // Which of the batch's events are new: each stored id once, for its first occurrence.
            var unclaimed = stored
            let isNew = events.map { event, _ in unclaimed.remove(event.id) != nil }
            var refs: [String] = []
            var seen = Set<String>()
            for ((event, _), new) in zip(events, isNew) where new && seen.insert(event.callId).inserted { refs.append(event.callId) }
            guard !refs.isEmpty else { return events.map { _ in nil } }

            try await sql.insert(into: PhoneCall.schema)
                .columns("id", "external_id", "outbound_applied", "end_applied", "created_at", "updated_at")
                .rows(refs.map { [SQLBind(UUID()), SQLBind($0), SQLBind(false), SQLBind(false), SQLBind(now), SQLBind(now)] })
                .ignoringConflicts(with: ["external_id"])
                .run()
            try await CallDerivationQueue.enqueue(refs, on: db, at: now)
            let ids = try await sql.select().column("id").column("external_id").from(PhoneCall.schema)
                .where("external_id", .in, SQLBind.group(refs))
                .all()
            var callIds: [String: UUID] = [:]
            for row in ids { callIds[try row.decode(column: "external_id", as: String.self)] = try row.decode(column: "id", as: UUID.self) }
            return zip(events, isNew).map { event, new in new ? callIds[event.0.callId] : nil }
        }
    }
}

extension Application {
    private struct CallIntakeKey: StorageKey {
        typealias Value = CallIntake
    }

    /// Set once by `configure`, before the first request.
    var callIntake: CallIntake {
        get {
            guard let intake = storage[CallIntakeKey.self] else { preconditionFailure("configure() installs the call intake") }
            return intake
        }
        set { storage[CallIntakeKey.self] = newValue }
    }
}
