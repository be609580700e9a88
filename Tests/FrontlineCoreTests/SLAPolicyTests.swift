import Testing
import FrontlineCore

@Suite struct SLAPolicyTests {
    static let targets: [SLATarget: Int] = [.firstResponse: 60]
    let standard = SLAPolicy(name: "Standard", targetMinutes: targets)
    let urgent = SLAPolicy(name: "Urgent", priority: "urgent", targetMinutes: targets)
    let vip = SLAPolicy(name: "VIP tag", tag: "vip", targetMinutes: targets)
    let vipUrgent = SLAPolicy(name: "VIP urgent", priority: "urgent", tag: "vip", targetMinutes: targets)
    let acme = SLAPolicy(name: "Acme", organizationID: "acme", targetMinutes: targets)
    let acmeUrgent = SLAPolicy(name: "Acme urgent", priority: "urgent", organizationID: "acme", targetMinutes: targets)
    var all: [SLAPolicy] { [standard, urgent, vip, vipUrgent, acme, acmeUrgent] }

    @Test func mostSpecificWins() {
        #expect(SLAPolicy.select(for: TicketFacts(priority: "normal"), from: all)?.name == "Standard")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "urgent"), from: all)?.name == "Urgent")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "normal", tags: ["vip"]), from: all)?.name == "VIP tag")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "urgent", tags: ["vip"]), from: all)?.name == "VIP urgent")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "normal", organizationID: "acme", tags: ["vip"]), from: all)?.name == "Acme")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "urgent", organizationID: "acme", tags: ["vip"]), from: all)?.name == "Acme urgent")
        #expect(SLAPolicy.select(for: TicketFacts(priority: "urgent", organizationID: "globex"), from: all)?.name == "Urgent")
    }

    @Test func organizationOutranksTagOutranksPriority() {
        #expect(acme.specificity > vipUrgent.specificity)
        #expect(vip.specificity > urgent.specificity)
        #expect(urgent.specificity > standard.specificity)
        #expect([standard, urgent, vip, acme, acmeUrgent].map(\.specificity) == [0, 1, 2, 4, 5])
    }

    @Test func firstListedWinsAmongEquals() {
        let gold = SLAPolicy(name: "Gold", tag: "gold", targetMinutes: Self.targets)
        let facts = TicketFacts(priority: "normal", tags: ["vip", "gold"])
        #expect(SLAPolicy.select(for: facts, from: [vip, gold])?.name == "VIP tag")
        #expect(SLAPolicy.select(for: facts, from: [gold, vip])?.name == "Gold")
    }

    @Test func noMatchWithoutADefault() {
        #expect(SLAPolicy.select(for: TicketFacts(priority: "low"), from: [urgent, vip, acme]) == nil)
        #expect(SLAPolicy.select(for: TicketFacts(priority: "low"), from: []) == nil)
    }

    @Test func everyConditionMustHold() {
        #expect(!vipUrgent.matches(TicketFacts(priority: "normal", tags: ["vip"])))
        #expect(!vipUrgent.matches(TicketFacts(priority: "urgent")))
        #expect(!acme.matches(TicketFacts(priority: "normal")))
        #expect(!urgent.matches(TicketFacts(priority: "Urgent")))  // exact comparison; the app normalises
    }
}
