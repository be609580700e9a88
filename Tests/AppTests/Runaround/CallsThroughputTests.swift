@testable import App
import Fluent
import Foundation
import Testing
import VaporTesting

/// Many phone calls at once: every event is stored once and every call derived, whatever the
/// interleaving, and each call is derived once. Prints the acceptance rate reached (the target, ≥ 2,000 events/s, is for release builds).
@Suite("Call events under load")
struct CallsThroughputTests {
    @Test func concurrentEventsOfManyCallsAreAllApplied() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let agent = try await desk.staff(.agent)
            let calls = 200
            let t0 = Date().addingTimeInterval(-3600)
            var events: [[String: JSON]] = []
            for call in 0..<calls {
                let ref = "load-\(call)"
                events.append(TestPhoneSystem.event("\(ref)-s", "call.started", call: ref, at: t0, [
                    "direction": "inbound", "customer_phone": .string("+1555\(String(format: "%07d", call))"), "agent_email": .string(agent.user.email),
                ]))
                events.append(TestPhoneSystem.event("\(ref)-h", "call.hold_started", call: ref, at: t0.addingTimeInterval(10), ["told_wait_seconds": 30]))
                events.append(TestPhoneSystem.event("\(ref)-he", "call.hold_ended", call: ref, at: t0.addingTimeInterval(20)))
                events.append(TestPhoneSystem.event("\(ref)-e", "call.ended", call: ref, at: t0.addingTimeInterval(60), ["outcome": "resolved"]))
            }
            let start = ContinuousClock.now
            // 32 events in flight at a time, as a phone system's webhook workers would send them.
            let shuffled = events.shuffled()
            try await withThrowingTaskGroup(of: Int.self) { group in
                var next = 0
                var accepted = 0
                for _ in 0..<32 where next < shuffled.count {
                    let event = shuffled[next]
                    next += 1
                    group.addTask { try await phone.send(event, derive: false).status.code == 202 ? 1 : 0 }
                }
                while let done = try await group.next() {
                    accepted += done
                    if next < shuffled.count {
                        let event = shuffled[next]
                        next += 1
                        group.addTask { try await phone.send(event, derive: false).status.code == 202 ? 1 : 0 }
                    }
                }
                #expect(accepted == events.count)
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("calls: \(events.count) events accepted in \(seconds) s = \(Int(Double(events.count) / seconds)) events/s")
            #expect(try await CallEventRecord.query(on: desk.app.db).count() == events.count)
            // Every call was queued once, however many of its events arrived; the drain derives each once.
            let queue = CallDerivationQueue(app: desk.app)
            #expect(try await queue.pending() == calls)
            #expect(try await queue.drain() == calls)
            #expect(try await queue.pending() == 0)
            #expect(try await PhoneCall.query(on: desk.app.db).filter(\.$endApplied == true).count() == calls)
            #expect(try await CallHold.query(on: desk.app.db).count() == calls)
        }
    }
}
