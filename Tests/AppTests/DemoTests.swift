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
            #expect(bounced >= 3, "some tickets are bounced around on purpose: \(bounced)")
            let oldest = try #require(tickets.map(\.createdAt).min())
            #expect(desk.app.clock.now().timeIntervalSince(oldest) > 80 * 86_400)
            #expect(try await Message.query(on: db).filter(\.$visibility == .internal).count() > 10)
            #expect(Set(tickets.map(\.status)).isSuperset(of: [.open, .pending, .solved, .closed]))

            // A second load refuses to mix demo data into a desk.
            await #expect(throws: RequestError.self) { try await DemoDesk(app: desk.app, now: desk.app.clock.now()).load() }
        }
    }
}

/// The demo tells seed 003's story on real data: every panel of the ticket page has something to
/// show somewhere, conversations make sense, and a runaround flag stays rare.
@Suite("Demo story")
struct DemoStoryTests {
    @Test func everyJourneyPanelHasDataAndFlagsStayRare() async throws {
        try await TestDesk.run { desk in
            desk.app.clock = .starting(at: DemoClock.midMonth)
            _ = try await DemoDesk(app: desk.app, now: desk.app.clock.now(), ticketCount: 200).load()
            let db = desk.app.db
            for state in [PromiseState.kept, .broken, .pending] {
                #expect(try await CustomerPromise.query(on: db).filter(\.$state == state).count() > 0, "a \(state) promise")
            }
            #expect(try await Escalation.query(on: db).filter(\.$state == .answered).count() > 0)
            #expect(try await Escalation.query(on: db).filter(\.$state == .breached).count() > 0)
            let holds = try await CallHold.query(on: db).all()
            #expect(holds.contains { $0.toldWaitSeconds != nil } && holds.contains { $0.toldWaitSeconds == nil })
            #expect(try await PhoneCall.query(on: db).filter(\.$outcome == "dropped").count() > 0)
            let clocks = try await SLAClockRecord.query(on: db).all()
            #expect(Set(clocks.map(\.ticketId)).count == 200, "every ticket is on an SLA clock")
            #expect(clocks.contains { $0.state == .met } && clocks.contains { $0.state == .breached })

            let tickets = try await Ticket.query(on: db).all()
            let flagged = try await TicketRunaround.query(on: db).filter(\.$flagged == true).count()
            #expect(Double(flagged) / Double(tickets.count) < 0.08, "flagged: \(flagged) of \(tickets.count)")
            #expect(flagged > 0)

            // A warranty claim finds its warranty and receipt on record.
            let claim = try #require(tickets.first { $0.subject == "Warranty replacement for a dead unit" })
            let web = WebClient(desk)
            try await web.signInStaff(.admin)
            let page = try await web.get("/desk/tickets/\(claim.number)").body.string
            #expect(page.contains("covered until") && page.contains("receipt-LX4-"))
            #expect(!page.contains("No SLA policy applies"))
        }
    }

    @Test func conversationsMakeSense() async throws {
        try await TestDesk.run { desk in
            desk.app.clock = .starting(at: DemoClock.midMonth)
            _ = try await DemoDesk(app: desk.app, now: desk.app.clock.now(), ticketCount: 200).load()
            let db = desk.app.db
            let stories = Dictionary(uniqueKeysWithValues: DemoScript.requests.map { ($0.subject, $0) })
            for ticket in try await Ticket.query(on: db).all() {
                guard let story = stories[ticket.subject] else { continue }  // calls from unknown numbers
                let ticketId = try ticket.requireID()
                // Every hand-off note is about this ticket.
                for event in try await TicketEvent.query(on: db).filter(\.$ticketId == ticketId).filter(\.$kind == "handed_off").all() {
                    let note = EventData(event.data).string("note") ?? ""
                    #expect(note == story.handoffNote || note == "Escalated: " + story.escalation, "#\(ticket.number): \(note)")
                }
                // Nobody thanks us for a fix and then says it still does not work.
                let fromCustomer = try await Message.query(on: db).filter(\.$ticketId == ticketId)
                    .filter(\.$authorType == Actor.Kind.customer.rawValue).sort(\.$id).all().map(\.body)
                if let thanks = fromCustomer.firstIndex(of: story.thanks) {
                    #expect(thanks == fromCustomer.count - 1, "#\(ticket.number) after the thanks: \(fromCustomer[(thanks + 1)...])")
                }
            }
        }
    }
}
