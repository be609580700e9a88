@testable import App
import Fluent
import Foundation
import SQLKit
import FrontlineCore
import Testing
import VaporTesting

@Suite("Calls reported by the phone system")
struct CallsWebhookTests {
    func storedEvents(_ desk: TestDesk) async throws -> Int {
        try await CallEventRecord.query(on: desk.app.db).count()
    }

    @Test func withoutASecretCallsAreOff() async throws {
        try await TestDesk.run { desk in
            let response = try await desk.send(.POST, "/api/v1/calls/events", raw: "{}")
            #expect(response.status == .serviceUnavailable)
            #expect(response.apiError?.code == "calls_not_configured")
        }
    }

    @Test(arguments: ["unsigned", "wrong", "stale", "future", "malformed", "tampered"])
    func badSignaturesAreRefusedAndNothingIsStored(kind: String) async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let event = TestPhoneSystem.event("e1", "call.started", call: "c1", at: Date(), [
                "direction": "inbound", "customer_phone": "+1 555 010 2030",
            ])
            let response: TestingHTTPResponse
            switch kind {
            case "unsigned": response = try await phone.send(event, unsigned: true)
            case "wrong": response = try await phone.send(event, signature: "sha256=" + String(repeating: "ab", count: 32))
            case "stale": response = try await phone.send(event, signedAt: Date().addingTimeInterval(-360))
            case "future": response = try await phone.send(event, signedAt: Date().addingTimeInterval(360))
            case "malformed": response = try await phone.send(event, signature: "md5=zz")
            default:
                // Signed for another timestamp than the one sent.
                let seconds = Int64(Date().timeIntervalSince1970)
                let signature = WebhookSignature.sign(body: Data(JSONValue.object(event).storedText.utf8), timestamp: seconds - 10, secret: TestPhoneSystem.secret)
                response = try await phone.send(event, signature: signature, timestamp: String(seconds))
            }
            #expect(response.status == .unauthorized)
            #expect(response.apiError?.code == "invalid_signature")
            #expect(try await storedEvents(desk) == 0)
            #expect(try await Ticket.query(on: desk.app.db).count() == 0)
        }
    }

    @Test func aCallOpensAPhoneTicketForAnUnknownNumberAndAttachesToAKnownCustomersTicket() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let agent = try await desk.staff(.agent)
            let start = Date()
            let first = try await phone.send(TestPhoneSystem.event("a1", "call.started", call: "call-a", at: start, [
                "direction": "inbound", "customer_phone": "+1 (555) 010-2030", "agent_email": .string(agent.user.email),
            ]))
            #expect(first.status == .accepted)
            let callId = try #require(try first.decoded(CallEventReceipt.self).callId)
            let call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: agent.token).decoded(CallDTO.self)
            let ticketId = try #require(call.ticketId)
            let ticket = try await desk.ticket(ticketId, token: agent.token)
            #expect(ticket.channel == .phone)
            #expect(ticket.ownerId == agent.user.id)
            #expect(ticket.requester.email == "phone-15550102030@phone.invalid")
            #expect(call.customerPhone == "+15550102030")

            // The same number again: the same open ticket, a second customer contact.
            _ = try await phone.send(TestPhoneSystem.event("b1", "call.started", call: "call-b", at: start.addingTimeInterval(600), [
                "direction": "inbound", "customer_phone": "+15550102030",
            ]))
            let calls = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/calls", token: agent.token).decoded(CallList.self)
            #expect(calls.calls.count == 2)
            #expect(try await desk.ticket(ticketId, token: agent.token).runaround.customerContacts == 2)
        }
    }

    @Test func duplicatesAreNoOpsAndOrderDoesNotMatter() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let agent = try await desk.staff(.agent)
            let t0 = Date().addingTimeInterval(-1200)
            let events = [
                TestPhoneSystem.event("s", "call.started", call: "c9", at: t0, ["direction": "inbound", "customer_phone": "+4930123456", "agent_email": .string(agent.user.email)]),
                TestPhoneSystem.event("h1", "call.hold_started", call: "c9", at: t0.addingTimeInterval(60)),
                TestPhoneSystem.event("h1e", "call.hold_ended", call: "c9", at: t0.addingTimeInterval(360)),
                TestPhoneSystem.event("h2", "call.hold_started", call: "c9", at: t0.addingTimeInterval(400), ["told_wait_seconds": 60]),
                TestPhoneSystem.event("h2e", "call.hold_ended", call: "c9", at: t0.addingTimeInterval(700)),
                TestPhoneSystem.event("end", "call.ended", call: "c9", at: t0.addingTimeInterval(900), ["outcome": "resolved"]),
            ]
            // Reversed, with every event sent twice.
            var receipts: [CallEventReceipt] = []
            for event in events.reversed() + events.reversed() {
                receipts.append(try await phone.send(event).decoded(CallEventReceipt.self))
            }
            #expect(receipts.filter(\.duplicate).count == 6)
            #expect(try await storedEvents(desk) == 6)
            let callId = try #require(receipts.compactMap(\.callId).first)
            let call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: agent.token).decoded(CallDTO.self)
            #expect(call.holds.count == 2)
            #expect(call.holds[0].withoutWaitTold && call.holds[0].enduredSeconds == 300)
            #expect(call.holds[1].overran && call.holds[1].toldWaitSeconds == 60)
            #expect(call.talkSeconds == 300)
            #expect(call.outcome == "resolved")
            let ticketId = try #require(call.ticketId)
            let kinds = try await desk.events(of: ticketId, token: agent.token).map(\.kind)
            #expect(kinds.filter { $0 == "hold_without_wait_told" }.count == 1)
            #expect(kinds.filter { $0 == "hold_overran" }.count == 1)
            #expect(kinds.filter { $0 == "call_ended" }.count == 1)
            #expect(try await desk.ticket(ticketId, token: agent.token).runaround.holdsWithoutWaitTold == 1)
        }
    }

    @Test func badEventsAreRefusedWithTheField() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let noPhone = try await phone.send(TestPhoneSystem.event("x", "call.started", call: "c", at: Date(), ["direction": "inbound"]))
            #expect(noPhone.status == .unprocessableEntity)
            #expect(noPhone.apiError?.field == "customer_phone")
            let badType = try await phone.send(TestPhoneSystem.event("y", "call.exploded", call: "c", at: Date()))
            #expect(badType.apiError?.field == "type")
            let badOutcome = try await phone.send(TestPhoneSystem.event("z", "call.ended", call: "c", at: Date(), ["outcome": "fine"]))
            #expect(badOutcome.apiError?.field == "outcome")
            #expect(try await storedEvents(desk) == 0)
        }
    }

    @Test func aDroppedCallBecomesACallbackPromiseThatAnOutboundCallKeeps() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let alice = try await desk.staff(.agent, name: "Alice")
            let bob = try await desk.staff(.agent, name: "Bob")
            let t0 = Date()
            _ = try await phone.send(TestPhoneSystem.event("s", "call.started", call: "d1", at: t0, ["direction": "inbound", "customer_phone": "+15550001111", "agent_email": .string(alice.user.email)]))
            let transfer = try await phone.send(TestPhoneSystem.event("t", "call.transferred", call: "d1", at: t0.addingTimeInterval(30), ["to_user_email": .string(bob.user.email)]))
            let callId = try #require(try transfer.decoded(CallEventReceipt.self).callId)
            _ = try await phone.send(TestPhoneSystem.event("e", "call.ended", call: "d1", at: t0.addingTimeInterval(60), ["outcome": "dropped"]))

            var call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: alice.token).decoded(CallDTO.self)
            #expect(call.missingHandoffNotes == 1)
            let ticketId = try #require(call.ticketId)
            let ticket = try await desk.ticket(ticketId, token: alice.token)
            #expect(ticket.ownerId == bob.user.id)
            #expect(ticket.handoffCount == 1)
            let promises = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/promises", token: bob.token).decoded(PromiseList.self).promises
            let callback = try #require(promises.first)
            #expect(callback.kind == .callback && callback.ownerId == bob.user.id && callback.callId == callId)
            #expect(abs(callback.dueAt.timeIntervalSince(t0.addingTimeInterval(60 + 600))) < 1)

            // The note comes after the call; then nothing is missing.
            let transferId = try #require(call.transfers.first?.id)
            let noted = try await desk.send(.POST, "/api/v1/calls/\(callId)/transfers/\(transferId)/note", token: alice.token, json: ["note": "Printer E3, wants a callback"])
            #expect(noted.status == .ok)
            call = try noted.decoded(CallDTO.self)
            #expect(call.missingHandoffNotes == 0)
            #expect(try await desk.send(.POST, "/api/v1/calls/\(callId)/transfers/\(transferId)/note", token: alice.token, json: ["note": "again"]).status == .conflict)
            #expect(try await desk.send(.POST, "/api/v1/calls/\(callId)/transfers/\(transferId)/note", token: alice.token, json: ["note": " "]).status == .unprocessableEntity)

            // Bob calls back in time: kept.
            _ = try await phone.send(TestPhoneSystem.event("o", "call.started", call: "d2", at: t0.addingTimeInterval(300), ["direction": "outbound", "customer_phone": "+15550001111", "agent_email": .string(bob.user.email)]))
            let after = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/promises", token: bob.token).decoded(PromiseList.self).promises
            #expect(after.first?.state == .kept)
            #expect(after.first?.resolution == "outbound_call")
        }
    }

    @Test func aLateCallbackDoesNotUnbreakAPromise() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let alice = try await desk.staff(.agent)
            let t0 = Date()
            _ = try await phone.send(TestPhoneSystem.event("s", "call.started", call: "l1", at: t0, ["direction": "inbound", "customer_phone": "+15550002222", "agent_email": .string(alice.user.email)]))
            let ended = try await phone.send(TestPhoneSystem.event("e", "call.ended", call: "l1", at: t0.addingTimeInterval(10), ["outcome": "dropped"]))
            let callId = try #require(try ended.decoded(CallEventReceipt.self).callId)
            #expect(try await desk.scheduler.tick(now: t0.addingTimeInterval(10 + 601)).brokenPromises == 1)
            _ = try await phone.send(TestPhoneSystem.event("o", "call.started", call: "l2", at: t0.addingTimeInterval(900), ["direction": "outbound", "customer_phone": "+15550002222"]))
            let call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: alice.token).decoded(CallDTO.self)
            let promises = try await desk.send(.GET, "/api/v1/tickets/\(try #require(call.ticketId))/promises", token: alice.token).decoded(PromiseList.self).promises
            #expect(promises.map(\.state) == [.broken])
        }
    }

    @Test func callsAreForStaff() async throws {
        try await TestDesk.run { desk in
            let customer = try await desk.customer()
            #expect(try await desk.send(.GET, "/api/v1/calls/\(UUID())", token: customer.token).status == .forbidden)
            let agent = try await desk.staff(.agent)
            #expect(try await desk.send(.GET, "/api/v1/calls/\(UUID())", token: agent.token).status == .notFound)
            #expect(try await desk.send(.GET, "/api/v1/calls/not-a-uuid", token: agent.token).status == .notFound)
        }
    }

    @Test func eventsAreStoredAtOnceAndEachCallIsDerivedOnceAfter() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let agent = try await desk.staff(.agent)
            let t0 = Date().addingTimeInterval(-600)
            let events = [
                TestPhoneSystem.event("q-s", "call.started", call: "q1", at: t0, ["direction": "inbound", "customer_phone": "+15550003333", "agent_email": .string(agent.user.email)]),
                TestPhoneSystem.event("q-h", "call.hold_started", call: "q1", at: t0.addingTimeInterval(30)),
                TestPhoneSystem.event("q-he", "call.hold_ended", call: "q1", at: t0.addingTimeInterval(90)),
            ]
            var callIds = Set<UUID>()
            for event in events {
                let response = try await phone.send(event, derive: false)
                #expect(response.status == .accepted)
                callIds.insert(try #require(try response.decoded(CallEventReceipt.self).callId))
            }
            // Stored and answered with the call's id; not yet derived, and queued once.
            #expect(callIds.count == 1)
            let callId = try #require(callIds.first)
            #expect(try await storedEvents(desk) == 3)
            var call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: agent.token).decoded(CallDTO.self)
            #expect(call.ticketId == nil && call.holds.isEmpty)
            let queue = CallDerivationQueue(app: desk.app)
            #expect(try await queue.pending() == 1)

            #expect(try await queue.drain() == 1)
            #expect(try await queue.pending() == 0)
            call = try await desk.send(.GET, "/api/v1/calls/\(callId)", token: agent.token).decoded(CallDTO.self)
            #expect(call.holds.count == 1 && call.holds[0].withoutWaitTold)
            let kinds = try await desk.events(of: try #require(call.ticketId), token: agent.token).map(\.kind)
            #expect(kinds.filter { $0 == "hold_without_wait_told" }.count == 1)
            // Nothing queued: a second drain derives nothing.
            #expect(try await queue.drain() == 0)
        }
    }

    @Test func aFailingDerivationKeepsItsCallQueuedWithTheErrorAndIsRetried() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let sql = try #require(desk.app.db as? any SQLDatabase)
            // Holds cannot be stored for a while: the derivation fails and rolls back whole.
            if sql.dialect.name == "postgresql" {
                try await sql.raw("CREATE FUNCTION refuse_holds() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'holds are refused'; END $$ LANGUAGE plpgsql").run()
                try await sql.raw("CREATE TRIGGER refuse_holds BEFORE INSERT ON call_holds FOR EACH ROW EXECUTE FUNCTION refuse_holds()").run()
            } else {
                try await sql.raw("CREATE TRIGGER refuse_holds BEFORE INSERT ON call_holds BEGIN SELECT RAISE(ABORT, 'holds are refused'); END").run()
            }
            let t0 = Date().addingTimeInterval(-600)
            _ = try await phone.send(TestPhoneSystem.event("f-s", "call.started", call: "f1", at: t0, ["direction": "inbound", "customer_phone": "+15550004444"]), derive: false)
            _ = try await phone.send(TestPhoneSystem.event("f-h", "call.hold_started", call: "f1", at: t0.addingTimeInterval(5)), derive: false)
            let queue = CallDerivationQueue(app: desk.app)
            #expect(try await queue.drain() == 0)
            #expect(try await queue.pending() == 1)
            #expect(desk.app.metrics.exposition().contains("frontline_call_derivations_pending 1.0\n"))
            let row = try #require(try await sql.raw("SELECT attempts, last_error FROM call_derivations").first())
            #expect(try row.decode(column: "attempts", as: Int.self) == 1)
            #expect(try row.decode(column: "last_error", as: String.self).contains("holds are refused"))
            #expect(try await PhoneCall.query(on: desk.app.db).filter(\.$ticketId != nil).count() == 0)
            // Not retried before its backoff, retried after it, once holds can be stored again.
            #expect(try await queue.drain() == 0)
            try await sql.raw("DROP TRIGGER refuse_holds\(sql.dialect.name == "postgresql" ? " ON call_holds" : "")").run()
            #expect(try await queue.drain(now: { Date().addingTimeInterval(31) }) == 1)
            #expect(try await queue.pending() == 0)
            #expect(desk.app.metrics.exposition().contains("frontline_call_derivations_pending 0.0\n"))
            #expect(try await CallHold.query(on: desk.app.db).count() == 1)
        }
    }

    @Test func aBatchOfConcurrentEventsStoresEachIdOnceAndAnswersEachSender() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let t0 = Date().addingTimeInterval(-300)
            // The same event five times and three calls' first events, all in flight at once.
            var events = Array(repeating: TestPhoneSystem.event("dup-1", "call.hold_started", call: "b1", at: t0), count: 5)
            for call in 1...3 {
                events.append(TestPhoneSystem.event("start-\(call)", "call.started", call: "b\(call)", at: t0, [
                    "direction": "inbound", "customer_phone": .string("+1555000100\(call)"),
                ]))
            }
            let receipts = try await withThrowingTaskGroup(of: (Int, CallEventReceipt).self) { group in
                for (index, event) in events.enumerated() {
                    group.addTask {
                        let response = try await phone.send(event, derive: false)
                        return (Int(response.status.code), try response.decoded(CallEventReceipt.self))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let duplicate = receipts.filter { $0.1.callId == nil }
            #expect(duplicate.count == 4 && duplicate.allSatisfy { $0.0 == 200 && $0.1.duplicate })
            #expect(receipts.filter { $0.0 == 202 }.count == 4)
            #expect(try await storedEvents(desk) == 4)
            let calls = try await PhoneCall.query(on: desk.app.db).all()
            #expect(Set(calls.map(\.externalId)) == ["b1", "b2", "b3"])
            let b1 = try #require(calls.first { $0.externalId == "b1" }?.id)
            #expect(receipts.filter { $0.0 == 202 }.compactMap(\.1.callId).filter { $0 == b1 }.count == 2)
            #expect(try await CallDerivationQueue(app: desk.app).pending() == 3)
        }
    }
}
