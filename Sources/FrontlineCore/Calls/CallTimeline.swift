import Foundation

/// A call as derived from the set of its events, whatever order they arrived in and however often.
///
/// Events are put in time order (ties: start, hold start, hold end, transfer, end; then by id), so
/// the same set always gives the same record. A hold runs from a hold start to the next hold end;
/// a hold still open when the call ends ends with the call (the customer waited until then). A second
/// hold start while one is open ends the first one there. Duplicated ids count once.
public struct CallTimeline: Sendable, Hashable {
    /// One hold: the wait told and the wait actually endured.
    public struct Hold: Sendable, Hashable {
        /// The id of the hold-start event: a hold's stable identity.
        public let id: String
        public let start: Date
        /// Nil while the customer is still on hold.
        public let end: Date?
        /// What the customer was told; nil when nobody told them.
        public let toldWaitSeconds: Int?

        /// Seconds actually spent on hold; nil while the hold goes on.
        public var enduredSeconds: Int? { end.map { Int($0.timeIntervalSince(start).rounded()) } }
        /// The customer was put on hold without being told for how long.
        public var withoutWaitTold: Bool { toldWaitSeconds == nil }
        /// The hold lasted longer than the customer was told.
        public var overran: Bool {
            guard let told = toldWaitSeconds, let endured = enduredSeconds else { return false }
            return endured > told
        }
    }

    public let startedAt: Date?
    public let endedAt: Date?
    public let outcome: String?
    public let holds: [Hold]
    /// Ids of the transfer events, in time order.
    public let transferIDs: [String]

    /// Time on the line not spent on hold; nil until both start and end are known.
    public var talkSeconds: Int? {
        guard let startedAt, let endedAt else { return nil }
        let held = holds.reduce(0) { $0 + ($1.enduredSeconds ?? 0) }
        return max(0, Int(endedAt.timeIntervalSince(startedAt).rounded()) - held)
    }

    public init(events: [CallEventFact]) {
        var seen = Set<String>()
        let ordered = events
            .filter { seen.insert($0.id).inserted }
            .sorted { ($0.at, $0.kind.rank, $0.id) < ($1.at, $1.kind.rank, $1.id) }
        var startedAt: Date?
        var endedAt: Date?
        var outcome: String?
        var holds: [Hold] = []
        var open: CallEventFact?
        var transfers: [String] = []
        for event in ordered {
            switch event.kind {
            case .started:
                if startedAt == nil { startedAt = event.at }
            case .holdStarted:
                if let previous = open {
                    holds.append(Hold(id: previous.id, start: previous.at, end: event.at, toldWaitSeconds: previous.toldWaitSeconds))
                }
                open = event
            case .holdEnded:
                if let previous = open {
                    holds.append(Hold(id: previous.id, start: previous.at, end: event.at, toldWaitSeconds: previous.toldWaitSeconds))
                    open = nil
                }
            case .transferred:
                transfers.append(event.id)
            case .ended:
                if endedAt == nil {
                    endedAt = event.at
                    outcome = event.outcome
                }
            }
        }
        if let previous = open {
            holds.append(Hold(id: previous.id, start: previous.at, end: endedAt, toldWaitSeconds: previous.toldWaitSeconds))
        }
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.holds = holds
        self.transferIDs = transfers
    }
}
