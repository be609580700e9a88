import Foundation
import FrontlineCore
import Testing

@Suite("Calls derived from their events")
struct CallTimelineTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func events() -> [CallEventFact] {
        [
            CallEventFact(id: "e1", kind: .started, at: t0),
            CallEventFact(id: "e2", kind: .holdStarted, at: t0.addingTimeInterval(60)),
            CallEventFact(id: "e3", kind: .holdEnded, at: t0.addingTimeInterval(360)),
            CallEventFact(id: "e4", kind: .holdStarted, at: t0.addingTimeInterval(400), toldWaitSeconds: 120),
            CallEventFact(id: "e5", kind: .holdEnded, at: t0.addingTimeInterval(700)),
            CallEventFact(id: "e6", kind: .transferred, at: t0.addingTimeInterval(710)),
            CallEventFact(id: "e7", kind: .ended, at: t0.addingTimeInterval(900), outcome: "dropped"),
        ]
    }

    @Test func holdsCarryTheWaitToldAndTheWaitEndured() {
        let call = CallTimeline(events: events())
        #expect(call.holds.count == 2)
        #expect(call.holds[0].withoutWaitTold)
        #expect(call.holds[0].enduredSeconds == 300)
        #expect(!call.holds[0].overran)
        #expect(call.holds[1].toldWaitSeconds == 120)
        #expect(call.holds[1].enduredSeconds == 300)
        #expect(call.holds[1].overran)
        #expect(call.transferIDs == ["e6"])
        #expect(call.outcome == "dropped")
        #expect(call.talkSeconds == 900 - 600)
    }

    @Test func orderAndDuplicatesDoNotMatter() {
        let forward = CallTimeline(events: events())
        let shuffled = CallTimeline(events: events().reversed() + events().shuffled())
        #expect(forward == shuffled)
    }

    @Test func anOpenHoldEndsWithTheCallAndStaysOpenBeforeThat() {
        let open = CallTimeline(events: [
            CallEventFact(id: "a", kind: .started, at: t0),
            CallEventFact(id: "b", kind: .holdStarted, at: t0.addingTimeInterval(10), toldWaitSeconds: 60),
        ])
        #expect(open.holds.first?.end == nil)
        #expect(open.holds.first?.overran == false)
        #expect(open.talkSeconds == nil)
        let ended = CallTimeline(events: [
            CallEventFact(id: "a", kind: .started, at: t0),
            CallEventFact(id: "b", kind: .holdStarted, at: t0.addingTimeInterval(10), toldWaitSeconds: 60),
            CallEventFact(id: "c", kind: .ended, at: t0.addingTimeInterval(100), outcome: "abandoned"),
        ])
        #expect(ended.holds.first?.enduredSeconds == 90)
        #expect(ended.holds.first?.overran == true)
        #expect(ended.talkSeconds == 10)
    }

    @Test func aHoldEndWithoutAStartIsIgnored() {
        let call = CallTimeline(events: [CallEventFact(id: "x", kind: .holdEnded, at: t0)])
        #expect(call.holds.isEmpty)
        #expect(call.startedAt == nil)
    }

    @Test(arguments: [
        ("+1 (555) 010-2030", "+15550102030"), ("0049 30 1234567", "+49301234567"), ("555.010.2030", "+5550102030"),
    ])
    func phoneNumbersNormaliseToPlusAndDigits(raw: String, expected: String) {
        #expect(PhoneNumber.normalized(raw) == expected)
    }

    @Test(arguments: ["", "12", "call me", "+1234567890123456"])
    func notAPhoneNumber(raw: String) {
        #expect(PhoneNumber.normalized(raw) == nil)
    }
}
