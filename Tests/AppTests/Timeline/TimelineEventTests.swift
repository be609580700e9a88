@testable import App
import Fluent
import Foundation
import FrontlineCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Typed timeline events: every kind is stored exactly as the desk always stored it, comes back
/// from storage as it went in, and a row this version cannot read still shows.
@Suite("Typed timeline events")
struct TimelineEventTests {
    @Test func everyKindIsStoredAsTheJSONItsWriterAlwaysStored() throws {
        let samples = TimelineSamples.all()
        #expect(Set(samples.map(\.event.kind)) == Set(EventKind.allCases), "a sample of every kind")
        for (event, stored) in samples {
            #expect(try event.storedData() == JSONValue.object(stored).storedText, "\(event.kind.rawValue)")
        }
    }

    @Test func everyKindRoundTripsThroughStorage() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let samples = TimelineSamples.all().map(\.event)
            let opened = try await TicketEvent.query(on: desk.app.db).filter(\.$ticketId == ticket.id).count()
            let at = desk.app.clock.now()
            // One multi-row insert, as a new ticket's events are written.
            try await desk.app.write { db in
                try await TimelineRows(sql: db.sql).insert(try samples.map {
                    try TicketEvent(ticketId: ticket.id, event: $0, actor: .system, at: at)
                })
            }
            let rows = try await TicketEvent.query(on: desk.app.db).filter(\.$ticketId == ticket.id).sort(\.$id).all().dropFirst(opened)
            #expect(rows.map(\.kind) == samples.map(\.kind.rawValue))
            #expect(rows.map(\.timelineEvent) == samples.map(Optional.some))

            // The API returns each as it is stored.
            let page = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events?limit=500", token: token).decoded(EventList.self)
            let served = Array(page.events.dropFirst(opened))
            #expect(served.map(\.kind) == samples.map(\.kind.rawValue))
            let asStored = try samples.map { JSONValue(storedText: try $0.storedData()) }
            #expect(served.map(\.data) == asStored)

            // And the ticket page shows them.
            let web = WebClient(desk)
            try await web.signInStaff()
            let html = try await web.get("/desk/tickets/\(ticket.number)")
            #expect(html.status == .ok)
            for text in ["Promise broken: Callback", "Hold overran: told 1 min 00 s", "Escalation unanswered past its target", "SLA breached: resolution (VIP)"] {
                #expect(html.body.string.contains(text), "\(text)")
            }
        }
    }

    /// The one typed write, through the desk: the row it returns is the row stored.
    @Test func theDeskRecordsATypedEventAndItsFollowUps() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let event = TimelineEvent.participantAdded(.init(email: "sam@example.test"))
            let at = desk.app.clock.now()
            let recorded = try await desk.app.write { db in
                let system = TicketDesk(on: db, actor: .system, at: at)
                return try await system.record(event, on: try await system.ticketForChange(ticket.id))
            }
            let stored = try #require(try await TicketEvent.find(recorded.id, on: desk.app.db))
            #expect(stored.kind == "participant_added")
            #expect(stored.data == #"{"email":"sam@example.test"}"#)
            #expect(stored.timelineEvent == event)
        }
    }

    @Test func rowsThisVersionCannotReadShowAsGenericEntriesAndComeBackAsStored() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token, email: "pat@example.test")
            let at = desk.app.clock.now()
            // A kind from a later version, and a known kind whose data is not its payload.
            let unknown = #"{"serial":"LX4-1","covered":true}"#
            let unreadable = #"{"promise":"lost"}"#
            let ids: [Int] = try await desk.app.write { db in
                var ids: [Int] = []
                for (kind, data) in [("warranty_checked", unknown), ("promise_made", unreadable)] {
                    let row = try await db.sql.insert(into: TicketEvent.schema)
                        .columns("ticket_id", "kind", "actor_type", "actor_id", "actor_name", "at", "data")
                        .values(SQLBind(ticket.id), SQLBind(kind), SQLBind("system"), SQLLiteral.null, SQLBind("Frontline"), SQLBind(at), SQLBind(data))
                        .returning("id").first()
                    ids.append(try #require(row).decode(column: "id", as: Int.self))
                }
                return ids
            }
            let stored = try await TicketEvent.query(on: desk.app.db).filter(\.$id ~~ ids).sort(\.$id).all()
            #expect(stored.map(\.timelineEvent) == [nil, nil])

            let web = WebClient(desk)
            try await web.signInStaff()
            let page = try await web.get("/desk/tickets/\(ticket.number)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"id="e\#(ids[0])" data-event="\#(ids[0])"><div class="entry-head"><span>Frontline: warranty checked</span>"#))
            #expect(html.contains(#"id="e\#(ids[1])" data-event="\#(ids[1])"><div class="entry-head"><span>Frontline: promise made</span>"#))
            // Live updates render them the same way.
            let stream = try await web.get("/desk/stream/tickets/\(ticket.number)?since=\(ids[0] - 1)&once=1").body.string
            #expect(stream.contains("Frontline: warranty checked") && stream.contains("Frontline: promise made"))

            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/events?limit=500", token: token).decoded(EventList.self).events
            let served = events.filter { ids.contains($0.id) }
            #expect(served.map(\.kind) == ["warranty_checked", "promise_made"])
            #expect(served.map(\.data) == [JSONValue(storedText: unknown), JSONValue(storedText: unreadable)])

            // Customers see messages only, never events: the portal page is unaffected by them.
            let portal = WebClient(desk)
            try await WebPortalTests.signInCustomer(portal, email: "pat@example.test")
            let mine = try await portal.get("/portal/tickets/\(ticket.number)")
            #expect(mine.status == .ok)
            #expect(!mine.body.string.contains("warranty checked"))
        }
    }

    /// Integrators read the kinds from the OpenAPI document: it lists exactly the kinds this version writes.
    @Test func theOpenAPIDocumentListsEveryKind() async throws {
        try await TestDesk.run { desk in
            let response = try await desk.send(.GET, "/api/v1/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let kind = try #require(((schemas["Event"] as? [String: Any])?["properties"] as? [String: Any])?["kind"] as? [String: Any])
            #expect(kind["examples"] as? [String] == EventKind.allCases.map(\.rawValue))
        }
    }
}
