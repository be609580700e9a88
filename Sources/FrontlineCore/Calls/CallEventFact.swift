import Foundation

/// One event a phone system reported about a call, reduced to what the call's record is derived from.
public struct CallEventFact: Sendable, Hashable {
    /// The event types phone systems send.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case started = "call.started"
        case holdStarted = "call.hold_started"
        case holdEnded = "call.hold_ended"
        case transferred = "call.transferred"
        case ended = "call.ended"

        /// Among events at the same instant: the start first, the end last.
        var rank: Int {
            switch self {
            case .started: 0
            case .holdStarted: 1
            case .holdEnded: 2
            case .transferred: 3
            case .ended: 4
            }
        }
    }

    /// The phone system's unique id of the event.
    public var id: String
    public var kind: Kind
    public var at: Date
    /// On a hold start: the wait the customer was told, when they were told one.
    public var toldWaitSeconds: Int?
    /// On the end: resolved, dropped, voicemail or abandoned.
    public var outcome: String?

    public init(id: String, kind: Kind, at: Date, toldWaitSeconds: Int? = nil, outcome: String? = nil) {
        self.id = id
        self.kind = kind
        self.at = at
        self.toldWaitSeconds = toldWaitSeconds
        self.outcome = outcome
    }
}
