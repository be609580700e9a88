@testable import App
import Foundation
import FrontlineCore
import Vapor

/// Prepared values for the page snapshots: fixed ids, names and times, so a page renders the same
/// on every run and every day. Nothing here touches a database.
enum SnapshotFixtures {
    /// "Now" for every snapshot: Tuesday 3 March 2026, 15:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_772_550_000)

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))!
    }

    static func minutesAgo(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }
    static func minutesAhead(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    static let ana = id(1), ben = id(2), chloe = id(3), dev = id(4)
    static let billing = id(11), hardware = id(12)
    static let requesterId = id(21), organizationId = id(22), ticketId = id(31)

    /// A bare request of an app that is never started: the pages need only its CSRF token.
    static func withRequest(_ body: (Request) throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            let request = Request(application: app, on: app.eventLoopGroup.next())
            request.csrfToken = "snapshot-csrf-token"
            try body(request)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func frame(role: UserRole = .lead, active: String) -> DeskFrame {
        let user = User(id: ana, email: "ana@desk.test", name: "Ana Costa", role: role, passwordHash: nil, at: minutesAgo(90 * 24 * 60))
        let filter = SavedFilter()
        filter.id = id(41)
        filter.name = "Urgent billing"
        return DeskFrame(
            user: user, teamIds: [billing], deskName: "Acme Support",
            counts: [.mine: 7, .team: 19, .unassigned: 4, .open: 42], savedFilters: [filter],
            journeyCounts: JourneyCounts(duePromises: 3, runaround: 2), active: active)
    }

    /// JSON values decoded the way the API encodes them (the DTOs are built from models elsewhere).
    static func decoded<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try! decoder.decode(T.self, from: Data(json.utf8))
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
