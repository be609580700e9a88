@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// Seed 003 replayed through the API: a customer handed off again and again, put on hold with no
/// time given, a dropped call never called back, warranty proof sent but "not on record", an
/// escalation on the phone answered by email days later. Afterwards a lead must see all of it.
@Suite("Seed 003: the runaround made visible")
struct Seed003ScenarioTests {
    @Test func aLeadSeesEveryFailureOfTheStory() async throws {
        try await TestDesk.run { desk in
            let phone = TestPhoneSystem(desk)
            let manager = try await desk.staff(.manager)
            let first = try await desk.staff(.agent, name: "First-line Fay")
            let second = try await desk.staff(.agent, name: "Tech Tom")
            let third = try await desk.staff(.agent, name: "Returns Rita")
            let escalationManager = try await desk.staff(.agent, name: "Escalation Ed")
            let lead = try await desk.staff(.lead, name: "Lead Lou")
            let team = try await desk.team("Printer support", members: [first.user, second.user, third.user, escalationManager.user, lead.user], manager: manager.token)
            let tier2 = try await desk.team("Tier 2", members: [lead.user], manager: manager.token)

            // The customer is on record with his phone number.
            let customer = try await desk.send(.POST, "/api/v1/customers", token: manager.token, json: [
                "email": "reader@example.test", "name": "Loyal Reader", "phone": "+1 (555) 010-4242",
            ]).decoded(CustomerDTO.self)
            let customerToken = try await desk.app.write { db -> String in
                let (token, hash) = APIToken.generate()
                try await APIToken(tokenHash: hash, label: "portal", userId: nil, customerId: customer.id, at: Date()).create(on: db)
                return token
            }

            // 1. He calls. Fay puts him on hold without saying for how long, then transfers him
            //    to Tom, who transfers him to Tier 2, then to Rita; the call drops.
            let t0 = Date().addingTimeInterval(-3 * 3600)
            let call: [[String: JSON]] = [
                TestPhoneSystem.event("ev-1", "call.started", call: "hp-1", at: t0, ["direction": "inbound", "customer_phone": "+15550104242", "agent_email": .string(first.user.email)]),
                TestPhoneSystem.event("ev-2", "call.hold_started", call: "hp-1", at: t0.addingTimeInterval(120)),
                TestPhoneSystem.event("ev-3", "call.hold_ended", call: "hp-1", at: t0.addingTimeInterval(1020)),
                TestPhoneSystem.event("ev-4", "call.transferred", call: "hp-1", at: t0.addingTimeInterval(1100), ["to_user_email": .string(second.user.email)]),
                TestPhoneSystem.event("ev-5", "call.transferred", call: "hp-1", at: t0.addingTimeInterval(1500), ["to_team_id": .string(tier2.id.uuidString)]),
                TestPhoneSystem.event("ev-6", "call.transferred", call: "hp-1", at: t0.addingTimeInterval(1900), ["to_user_email": .string(third.user.email)]),
                TestPhoneSystem.event("ev-7", "call.ended", call: "hp-1", at: t0.addingTimeInterval(2000), ["outcome": "dropped"]),
            ]
            var callId: UUID?
            for event in call {
                let response = try await phone.send(event)
                #expect(response.status == .accepted, "\(response.body.string)")
                callId = try response.decoded(CallEventReceipt.self).callId
            }
            // The phone system retries one event: nothing changes.
            #expect(try await phone.send(call[3]).decoded(CallEventReceipt.self).duplicate)
            let loggedCall = try await desk.send(.GET, "/api/v1/calls/\(try #require(callId))", token: lead.token).decoded(CallDTO.self)
            let ticketId = try #require(loggedCall.ticketId)
            #expect(loggedCall.customerId == customer.id)
            #expect(loggedCall.missingHandoffNotes == 3)
            #expect(loggedCall.holds.map(\.withoutWaitTold) == [true])

            // 2. The callback promised for the dropped call is never made.
            let promises = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/promises", token: lead.token).decoded(PromiseList.self).promises
            let callback = try #require(promises.first)
            #expect(callback.kind == .callback && callback.ownerId == third.user.id)
            let report = try await desk.scheduler.tick(now: Date())
            #expect(report.brokenPromises == 1)

            // 3. He sends his warranty documents through the portal.
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: customerToken)
            headers.contentType = .pdf
            let upload = try await desk.app.testing().sendRequest(
                .POST, "/api/v1/customers/\(customer.id)/documents?filename=warranty-2-years.pdf", headers: headers,
                body: ByteBuffer(string: "%PDF two-year warranty, serial CN-998877"))
            #expect(upload.status == .created)
            let document = try upload.decoded(DocumentDTO.self)

            // 4. Escalated on the phone ticket; Ed answers by email, after the target.
            let escalation = try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/escalations", token: third.token, json: [
                "to_user_id": .string(try escalationManager.user.requireID().uuidString), "reason": "Warranty claim disputed; customer very unhappy",
            ] as [String: JSON]).decoded(EscalationsController.EscalationDTO.self)
            #expect(escalation.channel == .phone)
            _ = try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/messages", token: escalationManager.token, json: ["body": "We can offer a refurbished unit."])
            let later = try await desk.scheduler.tick(now: escalation.dueAt.addingTimeInterval(3600))
            #expect(later.breachedEscalations == 1)

            // What the lead sees.
            let runaround = try await desk.send(.GET, "/api/v1/runaround", token: lead.token).decoded(TicketPage.self)
            let flagged = try #require(runaround.tickets.first)
            #expect(flagged.id == ticketId)
            #expect(flagged.runaround.flagged)
            #expect(flagged.runaround.handoffs == 4)  // Tom, Tier 2, Rita, and Ed on escalation
            #expect(flagged.runaround.brokenPromises == 1)
            #expect(flagged.runaround.holdsWithoutWaitTold == 1)
            #expect(flagged.runaround.index >= 8.0)
            #expect(flagged.runaround.reasons.contains("1 broken promise (alert at 1)"))

            let timeline = try await desk.events(of: ticketId, token: lead.token).map(\.kind)
            for kind in ["call_started", "hold_without_wait_told", "handed_off", "promise_made", "promise_broken", "escalated", "escalation_breached", "runaround_flagged"] {
                #expect(timeline.contains(kind), "timeline lacks \(kind)")
            }
            #expect(timeline.filter { $0 == "runaround_flagged" }.count == 1)

            let breached = try await desk.send(.GET, "/api/v1/escalations?state=breached", token: lead.token).decoded(EscalationsController.EscalationList.self)
            #expect(breached.escalations.map(\.id) == [escalation.id])
            let notices = try await desk.notifications(token: lead.token).map(\.kind)
            #expect(notices.contains("promise_broken") && notices.contains("escalation_breached"))
            let teamReport = try await desk.send(.GET, "/api/v1/reports/promises?team_id=\(team.id)", token: lead.token).decoded(PromiseReport.self)
            #expect(teamReport.broken == 1)

            // The warranty proof is on record on his ticket, and once recorded, covered.
            let onRecord = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/entitlements", token: lead.token).decoded(TicketEntitlements.self)
            #expect(onRecord.documents.map(\.id) == [document.id])
            let product = try await desk.send(.POST, "/api/v1/customers/\(customer.id)/products", token: lead.token, json: [
                "model": "OfficeJet 9000", "serial_number": "CN-998877",
            ]).decoded(ProductDTO.self)
            let start = Date(timeIntervalSinceNow: -300 * 86_400).formatted(.iso8601.year().month().day())
            let end = Date(timeIntervalSinceNow: 430 * 86_400).formatted(.iso8601.year().month().day())
            let warranty = try await desk.send(.POST, "/api/v1/customers/\(customer.id)/entitlements", token: lead.token, json: [
                "kind": "warranty", "product_id": .string(product.id.uuidString), "starts_on": .string(start), "ends_on": .string(end),
                "coverage": "2-year warranty", "document_ids": .array([.string(document.id.uuidString)]),
            ] as [String: JSON])
            #expect(warranty.status == .created)
            let lookup = try await desk.send(.GET, "/api/v1/entitlements/lookup?serial=cn-998877", token: lead.token).decoded(CoverageAnswer.self)
            #expect(lookup.covered && lookup.until == end)
            #expect(lookup.entitlement?.documentIds == [document.id])
        }
    }
}
