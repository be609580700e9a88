import Foundation
import FrontlineCore
import Testing

@Suite("Warranty coverage periods")
struct CoverageTests {
    @Test func coversBothEndsInclusiveInTheGivenZone() throws {
        let coverage = try Coverage(start: "2025-03-01", end: "2027-02-28")
        let utc = TimeZone(identifier: "UTC")!
        #expect(coverage.covers(try Date("2025-03-01T00:00:00Z", strategy: .iso8601), timeZone: utc))
        #expect(coverage.covers(try Date("2027-02-28T23:59:59Z", strategy: .iso8601), timeZone: utc))
        #expect(!coverage.covers(try Date("2027-03-01T00:00:00Z", strategy: .iso8601), timeZone: utc))
        #expect(!coverage.covers(try Date("2025-02-28T23:59:59Z", strategy: .iso8601), timeZone: utc))
        // 23:30 UTC on the last day is already the next day in Berlin.
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(!coverage.covers(try Date("2027-02-28T23:30:00Z", strategy: .iso8601), timeZone: berlin))
    }

    @Test func refusesBadDatesAndBackwardsPeriods() {
        #expect(throws: Coverage.Problem.badDate(field: "starts_on", value: "2025-02-30")) {
            try Coverage(start: "2025-02-30", end: "2026-01-01")
        }
        #expect(throws: Coverage.Problem.badDate(field: "ends_on", value: "soon")) {
            try Coverage(start: "2025-02-01", end: "soon")
        }
        #expect(throws: Coverage.Problem.endsBeforeStart(start: "2026-01-02", end: "2026-01-01")) {
            try Coverage(start: "2026-01-02", end: "2026-01-01")
        }
    }
}
