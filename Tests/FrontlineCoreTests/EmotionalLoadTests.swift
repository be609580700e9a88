import Testing
import FrontlineCore

@Suite struct EmotionalLoadTests {
    @Test(arguments: [
        (ContactLoadInput(priority: "normal"), 0.0),
        (ContactLoadInput(priority: "urgent"), 1.0),
        (ContactLoadInput(priority: "High"), 0.5),
        (ContactLoadInput(priority: "low", escalated: true), 2.0),
        (ContactLoadInput(priority: "low", taggedDifficult: true), 2.0),
        (ContactLoadInput(priority: "low", handoffReceived: true), 1.0),
        (ContactLoadInput(priority: "low", csat: 2), 2.0),
        (ContactLoadInput(priority: "low", csat: 3), 0.0),
        (ContactLoadInput(priority: "urgent", escalated: true, handoffReceived: true, taggedDifficult: true, csat: 1), 8.0),
    ])
    func contactWeights(contact: ContactLoadInput, weight: Double) {
        #expect(EmotionalLoad.weight(of: contact) == weight)
    }

    @Test func routineVolumeIsLight() {
        let day = EmotionalLoad.daily(contacts: Array(repeating: ContactLoadInput(priority: "normal"), count: 40))
        #expect(day.figure == 0)
        #expect(day.level == .light)
        #expect(day.contacts == 40)
        #expect(day.contactsWithSignals == 0)
    }

    @Test(arguments: [
        (7, EmotionalLoadLevel.light),  // 3.5
        (8, .normal),  // 4.0 exactly
        (19, .normal),  // 9.5
        (20, .heavy),  // 10.0 exactly
    ])
    func levelBoundaries(highPriorityContacts: Int, level: EmotionalLoadLevel) {
        let day = EmotionalLoad.daily(contacts: Array(repeating: ContactLoadInput(priority: "high"), count: highPriorityContacts))
        #expect(day.figure == Double(highPriorityContacts) * 0.5)
        #expect(day.level == level)
    }

    @Test func threeHardEscalationsMakeAHeavyDay() {
        let hard = ContactLoadInput(priority: "normal", escalated: true, taggedDifficult: true)
        let day = EmotionalLoad.daily(contacts: [hard, hard, hard, ContactLoadInput(priority: "low")])
        #expect(day.figure == 12)
        #expect(day.level == .heavy)
        #expect(day.contactsWithSignals == 3)
    }

    @Test func customThresholds() {
        let day = EmotionalLoad.daily(
            contacts: [ContactLoadInput(priority: "normal", escalated: true)],
            thresholds: .init(normal: 1, heavy: 2))
        #expect(day.level == .heavy)
    }
}
