import FrontlineCore
import Foundation

// The payloads of `promise_made`, `promise_kept`, `promise_cancelled` and `promise_broken`,
// written by `PromiseBook`: the promise as it stood, and what the event adds.

extension TimelineEvent {
    /// The promise an event is about, as it stood then.
    struct PromiseFacts: Sendable, Equatable {
        var promiseId: UUID
        var kind: PromiseKind
        var description: String
        var dueAt: Date
        var ownerId: UUID
    }

    struct PromiseMade: Sendable, Equatable {
        var promise: PromiseFacts
        var ownerName: String
    }

    struct PromiseKept: Sendable, Equatable {
        var promise: PromiseFacts
        var action: PromiseKeepingAction
    }

    struct PromiseCancelled: Sendable, Equatable {
        var promise: PromiseFacts
        var reason: String
    }

    struct PromiseBroken: Sendable, Equatable {
        var promise: PromiseFacts
        /// Kept, but after its due time (rather than not kept at all).
        var lateAction: Bool
    }
}

/// The keys of all four: the promise's fields and each event's own sit side by side in one object.
enum PromiseEventKeys: String, CodingKey {
    case promiseId = "promise_id", kind, description, dueAt = "due_at", ownerId = "owner_id"
    case ownerName = "owner_name", action, reason, lateAction = "late_action"
}

extension TimelineEvent.PromiseFacts {
    init(_ container: KeyedDecodingContainer<PromiseEventKeys>) throws {
        promiseId = try container.decode(UUID.self, forKey: .promiseId)
        kind = try container.decode(PromiseKind.self, forKey: .kind)
        description = try container.decode(String.self, forKey: .description)
        dueAt = try container.decode(Date.self, forKey: .dueAt)
        ownerId = try container.decode(UUID.self, forKey: .ownerId)
    }

    func encode(into container: inout KeyedEncodingContainer<PromiseEventKeys>) throws {
        try container.encode(promiseId, forKey: .promiseId)
        try container.encode(kind, forKey: .kind)
        try container.encode(description, forKey: .description)
        try container.encode(dueAt, forKey: .dueAt)
        try container.encode(ownerId, forKey: .ownerId)
    }
}

extension TimelineEvent.PromiseMade: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PromiseEventKeys.self)
        self.init(promise: try .init(container), ownerName: try container.decode(String.self, forKey: .ownerName))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PromiseEventKeys.self)
        try promise.encode(into: &container)
        try container.encode(ownerName, forKey: .ownerName)
    }
}

extension TimelineEvent.PromiseKept: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PromiseEventKeys.self)
        self.init(promise: try .init(container), action: try container.decode(PromiseKeepingAction.self, forKey: .action))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PromiseEventKeys.self)
        try promise.encode(into: &container)
        try container.encode(action, forKey: .action)
    }
}

extension TimelineEvent.PromiseCancelled: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PromiseEventKeys.self)
        self.init(promise: try .init(container), reason: try container.decode(String.self, forKey: .reason))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PromiseEventKeys.self)
        try promise.encode(into: &container)
        try container.encode(reason, forKey: .reason)
    }
}

extension TimelineEvent.PromiseBroken: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PromiseEventKeys.self)
        self.init(promise: try .init(container), lateAction: try container.decode(Bool.self, forKey: .lateAction))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PromiseEventKeys.self)
        try promise.encode(into: &container)
        try container.encode(lateAction, forKey: .lateAction)
    }
}
