@testable import App
import Fluent
import FrontlineCore
import Foundation
import Testing

@Suite("Demo desk")
struct DemoTests {
    @Test func theDemoIsALivingDesk() async throws {
        try await TestDesk.run { desk in
            // The same generator as `frontline demo`, with 200 of its 1,000 tickets to keep the suite fast.
            desk.app.clock = .starting(at: DemoClock.midMonth)
            let summary = try await DemoDesk(app: desk.app, now: desk.app.clock.now(), ticketCount: 200).load()
            #expect(summary.tickets == 200)
            let db = desk.app.db
            #expect(try await Team.query(on: db).count() == 3)
            #expect(try await User.query(on: db).filter(\.$role == .agent).filter(\.$active == true).count() == 12)
            #expect(try await Customer.query(on: db).count() == 200)
            #expect(try await Organization.query(on: db).count() == 40)
            let tickets = try await Ticket.query(on: db).all()
            #expect(tickets.count == 200)
            #expect(Set(tickets.map(\.channel)).count == TicketChannel.allCases.count)
            let bounced = tickets.filter { $0.handoffCount >= 3 }.count
            #expect(bounced > 5, "some tickets are bounced around on purpose: \(bounced)")
            let oldest = try #require(tickets.map(\.createdAt).min())
            #expect(desk.app.clock.now().timeIntervalSince(oldest) > 80 * 86_400)
            #expect(try await Message.query(on: db).filter(\.$visibility == .internal).count() > 10)
            #expect(Set(tickets.map(\.status)).isSuperset(of: [.open, .pending, .solved, .closed]))

            // A second load refuses to mix demo data into a desk.
            await #expect(throws: RequestError.self) { try await DemoDesk(app: desk.app, now: desk.app.clock.now()).load() }
        }
    }
}
