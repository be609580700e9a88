import Testing
import FrontlineCore

@Suite struct RunaroundIndexTests {
    @Test func cleanTicketScoresZero() {
        let clean = RunaroundIndex(factors: RunaroundFactors(distinctOwners: 1, customerContacts: 1))
        #expect(clean.index == 0)
        #expect(!clean.flagged)
        #expect(clean.reasons.isEmpty)
    }

    @Test(arguments: [
        (RunaroundFactors(handoffs: 1), 1.0),
        (RunaroundFactors(distinctOwners: 3), 1.0),
        (RunaroundFactors(customerContacts: 4), 1.5),
        (RunaroundFactors(channelSwitches: 2), 2.0),
        (RunaroundFactors(reopenings: 1), 1.5),
        (RunaroundFactors(holdsWithoutWaitTold: 2), 2.0),
        (RunaroundFactors(brokenPromises: 1), 3.0),
        (RunaroundFactors(daysOpen: 3), 0.6),
        (RunaroundFactors(distinctOwners: 0, customerContacts: 0), 0.0),  // no negative contributions
        (RunaroundFactors(handoffs: -2), 0.0),
    ])
    func eachWeight(factors: RunaroundFactors, expected: Double) {
        #expect(RunaroundIndex.index(of: factors) == expected)
    }

    /// The formula shown on the ticket page states each weight `index(of:)` applies.
    @Test func theFormulaInWordsHasTheWeightsTheIndexApplies() {
        let terms: [(String, RunaroundFactors)] = [
            ("1 × hand-offs", RunaroundFactors(handoffs: 1)),
            ("0.5 × (owners − 1)", RunaroundFactors(distinctOwners: 2)),
            ("0.5 × (contacts − 1)", RunaroundFactors(customerContacts: 2)),
            ("1 × channel switches", RunaroundFactors(channelSwitches: 1)),
            ("1.5 × reopenings", RunaroundFactors(reopenings: 1)),
            ("1 × holds without a wait told", RunaroundFactors(holdsWithoutWaitTold: 1)),
            ("3 × broken promises", RunaroundFactors(brokenPromises: 1)),
            ("0.2 × days open", RunaroundFactors(daysOpen: 1)),
        ]
        let stated = RunaroundIndex.formula.components(separatedBy: " + ")
        #expect(stated == terms.map(\.0))
        for (term, factors) in terms {
            let weight = Double(term.split(separator: " ")[0])
            #expect(RunaroundIndex.index(of: factors) == weight, "\(term)")
        }
    }

    @Test func theCustomerFromSeed003() {
        // Handed off 12 times between 5 agents, 9 contacts over phone and email, reopened twice,
        // 4 holds with no time given, 2 dropped-call callbacks never made, 21 days.
        let factors = RunaroundFactors(
            handoffs: 12, distinctOwners: 5, customerContacts: 9, channelSwitches: 3, reopenings: 2,
            holdsWithoutWaitTold: 4, brokenPromises: 2, daysOpen: 21)
        let result = RunaroundIndex(factors: factors)
        // 12 + 2 + 4 + 3 + 3 + 4 + 6 + 4.2
        #expect(result.index == 38.2)
        #expect(result.flagged)
        #expect(result.reasons == [
            "12 hand-offs (alert at 3)",
            "customer got in touch 9 times without a resolution (alert at 4)",
            "2 broken promises (alert at 1)",
            "runaround index 38.2 (alert at 8.0)",
        ])
    }

    @Test(arguments: [
        (RunaroundFactors(handoffs: 2), false),
        (RunaroundFactors(handoffs: 3), true),
        (RunaroundFactors(customerContacts: 2), false),
        (RunaroundFactors(customerContacts: 3), false),
        (RunaroundFactors(customerContacts: 4), true),
        (RunaroundFactors(brokenPromises: 1), true),
        (RunaroundFactors(channelSwitches: 4, reopenings: 2, daysOpen: 5), true),  // 4 + 3 + 1 = 8.0
        (RunaroundFactors(channelSwitches: 4, reopenings: 2, daysOpen: 4), false),  // 7.8
    ])
    func thresholdsAreInclusive(factors: RunaroundFactors, flagged: Bool) {
        #expect(RunaroundIndex(factors: factors).flagged == flagged)
    }

    @Test func repeatedContactsOnlyAlertWhileUnresolved() {
        let factors = RunaroundFactors(customerContacts: 4)
        #expect(RunaroundIndex(factors: factors, isResolved: false).triggers == [.customerContactsWhileUnresolved(count: 4, threshold: 4)])
        #expect(RunaroundIndex(factors: factors, isResolved: true).triggers.isEmpty)
    }

    @Test func customThresholds() {
        let strict = RunaroundThresholds(handoffs: 1, customerContactsWhileUnresolved: 10, brokenPromises: 5, index: 0.5)
        let result = RunaroundIndex(factors: RunaroundFactors(handoffs: 1), thresholds: strict)
        #expect(result.reasons == ["1 hand-off (alert at 1)", "runaround index 1.0 (alert at 0.5)"])
    }
}
