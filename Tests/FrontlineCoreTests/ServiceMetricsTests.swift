import Foundation
import Testing
import FrontlineCore

@Suite struct ServiceMetricsTests {
    @Test func rates() {
        #expect(ServiceMetrics.firstContactResolutionRate(resolvedOnFirstContact: 3, resolved: 4) == 0.75)
        #expect(ServiceMetrics.reopenRate(reopened: 1, solved: 8) == 0.125)
        #expect(ServiceMetrics.transferRate(transferred: 2, handled: 5) == 0.4)
        #expect(ServiceMetrics.slaAttainment(met: 9, breached: 1) == 0.9)
    }

    @Test func emptyDenominatorsAreNil() {
        #expect(ServiceMetrics.firstContactResolutionRate(resolvedOnFirstContact: 0, resolved: 0) == nil)
        #expect(ServiceMetrics.reopenRate(reopened: 0, solved: 0) == nil)
        #expect(ServiceMetrics.transferRate(transferred: 0, handled: 0) == nil)
        #expect(ServiceMetrics.slaAttainment(met: 0, breached: 0) == nil)
        #expect(ServiceMetrics.csat(scores: []) == nil)
        #expect(ServiceMetrics.csat(scores: [0, 6]) == nil)
        #expect(ServiceMetrics.nps(scores: []) == nil)
        #expect(ServiceMetrics.cesAverage(scores: []) == nil)
        #expect(ServiceMetrics.costPerContact(departmentCost: 1000, contacts: 0) == nil)
    }

    @Test func csatCountsFoursAndFives() {
        #expect(ServiceMetrics.csat(scores: [5, 4, 3, 2, 1]) == 0.4)
        #expect(ServiceMetrics.csat(scores: [5, 4, 9, 0]) == 1.0)  // out-of-range answers ignored
    }

    @Test(arguments: [
        ([10, 9, 8, 7, 0], 20.0),  // 40 % promoters − 20 % detractors
        ([6, 6, 6, 6], -100.0),
        ([9, 10], 100.0),
        ([7, 8], 0.0),
        ([10, 3, 11, -1], 0.0),  // 11 and −1 ignored
    ])
    func nps(scores: [Int], expected: Double) {
        #expect(ServiceMetrics.nps(scores: scores) == expected)
    }

    @Test func cesAndCostPerContact() {
        #expect(ServiceMetrics.cesAverage(scores: [2, 3, 7]) == 4)
        #expect(ServiceMetrics.costPerContact(departmentCost: Decimal(string: "1000.00")!, contacts: 8) == Decimal(string: "125")!)
        #expect(ServiceMetrics.costPerContact(departmentCost: 100, contacts: 3) == Decimal(100) / Decimal(3))
    }
}
