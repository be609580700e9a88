/// Something that happens to a pending promise.
public enum PromiseEvent: Sendable, Hashable {
    /// An action that fulfils the promise was taken.
    case keep(by: PromiseKeepingAction)
    /// The promise is withdrawn; the reason is shown to whoever reviews it and may not be blank.
    case cancel(reason: String)
    /// The scheduler found the promise still pending at or after its due time.
    case lapse
}

/// The ways a promise can be fulfilled, as the desk records them.
public enum PromiseKeepingAction: String, Codable, CaseIterable, Sendable {
    /// An outbound call to the customer was logged.
    case outboundCall = "outbound_call"
    /// A public reply was sent to the customer.
    case publicReply = "public_reply"
    /// The promise's owner marked it kept (a replacement shipped, a refund issued).
    case markedByOwner = "marked_by_owner"
}
