@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// A ticket that has put its customer through much of seed 003, prepared through the API like a
/// real desk would: an SLA policy, the customer's warranty proof sent through the portal and a
/// recorded warranty, a promise broken by the scheduler and one still pending, a signed phone call
/// with a hold without a wait told, a hold that overran, a transfer without its note and a drop
/// (which promises a callback), and an escalation. The desk's time zone is New York.
struct JourneyFixture {
    static let zone = "America/New_York"
    static let phoneNumber = "+15550104242"

    let desk: TestDesk
    let manager: (user: User, token: String)
    let agent: (user: User, token: String)
    let lead: (user: User, token: String)
    let customer: CustomerDTO
    let customerToken: String
    let ticket: TicketDTO
    let pending: PromiseDTO
    let broken: PromiseDTO
    let callback: PromiseDTO
    let call: CallDTO
    let escalation: EscalationsController.EscalationDTO
    let document: DocumentDTO
    let product: ProductDTO
    let warrantyEnds: String

    static func make(_ desk: TestDesk) async throws -> JourneyFixture {
        let phone = TestPhoneSystem(desk)
        let manager = try await desk.staff(.manager, name: "Mia Manager")
        let agent = try await desk.staff(.agent, name: "Fay First")
        let lead = try await desk.staff(.lead, name: "Lou Lead")
        try await desk.app.write { db in
            var settings = try await DeskSettings.load(on: db)
            settings.timeZone = zone
            try await settings.save(on: db, at: Date())
        }
        let policy = try await desk.send(.POST, "/api/v1/sla-policies", token: manager.token, json: [
            "name": "Printers gold", "first_response_minutes": 60, "resolution_minutes": 480,
        ] as [String: JSON])
        #expect(policy.status == .created, "\(policy.body.string)")
        let customer = try await desk.send(.POST, "/api/v1/customers", token: manager.token, json: [
            "email": "reader@example.test", "name": "Loyal Reader", "phone": "+1 (555) 010-4242",
        ]).decoded(CustomerDTO.self)
        let customerToken = try await desk.app.write { db -> String in
            let (token, hash) = APIToken.generate()
            try await APIToken(tokenHash: hash, label: "portal", userId: nil, customerId: customer.id, at: Date()).create(on: db)
            return token
        }
        let ticket = try await desk.createTicket(
            token: agent.token, subject: "Second printer died under warranty", email: "reader@example.test", extra: ["channel": "phone"])
        let assigned = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/assign", token: agent.token, json: ["owner_id": try agent.user.requireID()])
        #expect(assigned.status == .ok)

        // The customer sends his proof through the portal; a lead records the warranty with it.
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: customerToken)
        headers.contentType = .pdf
        let upload = try await desk.app.testing().sendRequest(
            .POST, "/api/v1/customers/\(customer.id)/documents?filename=warranty-2-years.pdf", headers: headers,
            body: ByteBuffer(string: "%PDF two-year warranty, serial CN-998877"))
        #expect(upload.status == .created)
        let document = try upload.decoded(DocumentDTO.self)
        let product = try await desk.send(.POST, "/api/v1/customers/\(customer.id)/products", token: lead.token, json: [
            "model": "OfficeJet 9000", "serial_number": "CN-998877", "purchase_date": "2025-01-10",
        ]).decoded(ProductDTO.self)
        let starts = Date(timeIntervalSinceNow: -300 * 86_400).formatted(.iso8601.year().month().day())
        let ends = Date(timeIntervalSinceNow: 430 * 86_400).formatted(.iso8601.year().month().day())
        let warranty = try await desk.send(.POST, "/api/v1/customers/\(customer.id)/entitlements", token: lead.token, json: [
            "kind": "warranty", "product_id": .string(product.id.uuidString), "starts_on": .string(starts), "ends_on": .string(ends),
            "coverage": "Two-year parts and labour", "document_ids": .array([.string(document.id.uuidString)]),
        ] as [String: JSON])
        #expect(warranty.status == .created, "\(warranty.body.string)")

        // Two promises: one will lapse, one is due later.
        let now = Date()
        let pending = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: agent.token, json: [
            "kind": "update", "description": "Send the repair status by Friday", "due_at": .string(now.addingTimeInterval(7200).ISO8601Format()),
        ] as [String: JSON]).decoded(PromiseDTO.self)
        let soon = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/promises", token: agent.token, json: [
            "kind": "replacement", "description": "Ship a replacement unit", "due_at": .string(now.addingTimeInterval(120).ISO8601Format()),
        ] as [String: JSON]).decoded(PromiseDTO.self)

        // The call: a hold with no wait told (5 min), a hold told 1 min that took 2, a transfer to
        // the lead with no note, then the line drops.
        let t0 = now.addingTimeInterval(-600)
        let events: [[String: JSON]] = [
            TestPhoneSystem.event("j-1", "call.started", call: "call-j", at: t0, [
                "direction": "inbound", "customer_phone": .string(phoneNumber), "agent_email": .string(agent.user.email),
            ]),
            TestPhoneSystem.event("j-2", "call.hold_started", call: "call-j", at: t0.addingTimeInterval(60)),
            TestPhoneSystem.event("j-3", "call.hold_ended", call: "call-j", at: t0.addingTimeInterval(360)),
            TestPhoneSystem.event("j-4", "call.hold_started", call: "call-j", at: t0.addingTimeInterval(400), ["told_wait_seconds": 60]),
            TestPhoneSystem.event("j-5", "call.hold_ended", call: "call-j", at: t0.addingTimeInterval(520)),
            TestPhoneSystem.event("j-6", "call.transferred", call: "call-j", at: t0.addingTimeInterval(540), ["to_user_email": .string(lead.user.email)]),
            TestPhoneSystem.event("j-7", "call.ended", call: "call-j", at: t0.addingTimeInterval(580), ["outcome": "dropped"]),
        ]
        var callId: UUID?
        for event in events {
            let response = try await phone.send(event)
            #expect(response.status == .accepted, "\(response.body.string)")
            callId = try response.decoded(CallEventReceipt.self).callId
        }
        let call = try await desk.send(.GET, "/api/v1/calls/\(try #require(callId))", token: lead.token).decoded(CallDTO.self)
        #expect(call.ticketId == ticket.id)

        // The replacement lapses; the update and the dropped call's callback are still due.
        let report = try await desk.scheduler.tick(now: now.addingTimeInterval(200))
        #expect(report.brokenPromises == 1)
        let promises = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/promises", token: lead.token).decoded(PromiseList.self).promises
        let broken = try #require(promises.first { $0.id == soon.id })
        #expect(broken.state == .broken)
        let callback = try #require(promises.first { $0.kind == .callback })

        let escalation = try await desk.send(.POST, "/api/v1/tickets/\(ticket.id)/escalations", token: agent.token, json: [
            "to_user_id": .string(try lead.user.requireID().uuidString), "reason": "Warranty claim disputed; customer very unhappy",
        ] as [String: JSON]).decoded(EscalationsController.EscalationDTO.self)

        return JourneyFixture(
            desk: desk, manager: manager, agent: agent, lead: lead, customer: customer, customerToken: customerToken,
            ticket: try await desk.ticket(ticket.id, token: lead.token), pending: pending, broken: broken, callback: callback,
            call: call, escalation: escalation, document: document, product: product, warrantyEnds: ends)
    }

    var zone: TimeZone { TimeZone(identifier: Self.zone)! }
    var page: String { "/desk/tickets/\(ticket.number)" }
}
