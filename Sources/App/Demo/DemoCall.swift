import Fluent
import FrontlineCore
import Foundation

/// A demo phone call, sent the way a phone system sends it: its events stored, then derived by
/// `CallDesk`, which attaches it to the customer's open ticket, records holds (with the wait told to
/// the customer, or none), keeps callback promises, and turns a dropped call into one.
struct DemoCall: Sendable {
    let ref: String
    let phone: String?
    let agent: User
    let inbound: Bool
    let holds: [(seconds: Double, told: Int?)]
    /// Seconds from the start to the end, holds included.
    let talk: Double
    let outcome: String

    func play(at start: Date, on db: any Database, config: FrontlineConfig) async throws {
        guard let phone else { return }
        var at = start
        var events = [event("started", at: at)]
        for (index, hold) in holds.enumerated() {
            at = at.addingTimeInterval(talk / Double(holds.count + 2))
            let started = event("hold_started", at: at, suffix: "\(index)")
            started.toldWaitSeconds = hold.told
            events.append(started)
            at = at.addingTimeInterval(hold.seconds)
            events.append(event("hold_ended", at: at, suffix: "\(index)"))
        }
        let ended = event("ended", at: max(at, start.addingTimeInterval(talk)))
        ended.outcome = outcome
        events.append(ended)
        for record in events {
            record.direction = inbound ? "inbound" : "outbound"
            record.customerPhone = phone
            record.agentEmail = agent.emailNormalized
            try await record.create(on: db)
        }
        _ = try await CallDesk(
            db: db, now: ended.at, droppedCallWindow: config.droppedCallWindow, reminderLead: config.promiseReminderLead
        ).derive(callRef: ref)
    }

    private func event(_ type: String, at: Date, suffix: String = "") -> CallEventRecord {
        let record = CallEventRecord()
        record.eventId = "\(ref)-\(type)\(suffix)"
        record.callRef = ref
        record.type = "call." + type
        record.at = at
        record.receivedAt = at
        return record
    }
}
