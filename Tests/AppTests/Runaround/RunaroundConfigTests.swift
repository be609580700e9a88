@testable import App
import Testing

@Suite("Configuration of the scheduler, calls and promises")
struct RunaroundConfigTests {
    @Test func defaults() throws {
        let config = try FrontlineConfig.fromEnvironment([:])
        #expect(config.schedulerInterval == 5)
        #expect(config.callsWebhookSecret == nil)
        #expect(config.droppedCallCallbackMinutes == 10)
        #expect(config.promiseReminderMinutes == 15)
        #expect(config.escalationTargetMinutes == 60)
    }

    @Test func valuesAreRead() throws {
        let config = try FrontlineConfig.fromEnvironment([
            "FRONTLINE_SCHEDULER_INTERVAL": "2.5", "CALLS_WEBHOOK_SECRET": "a-long-enough-secret",
            "FRONTLINE_DROPPED_CALL_CALLBACK_MINUTES": "30", "FRONTLINE_PROMISE_REMINDER_MINUTES": "5",
            "FRONTLINE_ESCALATION_TARGET_MINUTES": "120",
        ])
        #expect(config.schedulerInterval == 2.5)
        #expect(config.callsWebhookSecret == "a-long-enough-secret")
        #expect(config.droppedCallCallbackMinutes == 30)
        #expect(config.promiseReminderLead == 300)
        #expect(config.escalationTargetMinutes == 120)
    }

    @Test func badValuesAreNamedAllAtOnce() {
        do {
            _ = try FrontlineConfig.fromEnvironment([
                "FRONTLINE_SCHEDULER_INTERVAL": "0", "CALLS_WEBHOOK_SECRET": "short", "FRONTLINE_DROPPED_CALL_CALLBACK_MINUTES": "soon",
            ])
            Issue.record("expected the configuration to be refused")
        } catch let invalid as FrontlineConfig.Invalid {
            #expect(invalid.problems.count == 3)
            #expect(invalid.problems.contains { $0.hasPrefix("FRONTLINE_SCHEDULER_INTERVAL") })
            #expect(invalid.problems.contains { $0.hasPrefix("CALLS_WEBHOOK_SECRET") })
            #expect(invalid.problems.contains { $0.hasPrefix("FRONTLINE_DROPPED_CALL_CALLBACK_MINUTES") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
