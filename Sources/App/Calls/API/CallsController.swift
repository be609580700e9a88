import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/calls`: the phone system's signed event webhook, and calls as staff read them.
enum CallsController {
    /// Signed with `CALLS_WEBHOOK_SECRET`, not a bearer token. An unsigned, wrongly signed or
    /// stale request is refused before anything is read or stored.
    @Sendable static func receive(req: Request) async throws -> Response {
        let config = req.application.frontlineConfig
        guard let secret = config.callsWebhookSecret else { throw CallError.notConfigured }
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        if let problem = WebhookSignature.problem(
            timestamp: req.headers.first(name: "X-Frontline-Timestamp"), signature: req.headers.first(name: "X-Frontline-Signature"),
            body: body, secret: secret, now: req.now)
        {
            throw CallError.badSignature(problem)
        }
        if let field = NULCharacters.field(inJSON: body) { throw NULCharacters.refused(field) }
        let event = try JSONCoding.decoder.decode(CallEventPayload.self, from: body)
        let kind = try event.validated()
        // Durable once its batch commits; the call is derived right after, off the request.
        let callId = try await req.application.callIntake.accept(event, kind: kind)
        if callId != nil { req.application.callDerivationWorker?.wake.raise() }
        let receipt = CallEventReceipt(accepted: true, duplicate: callId == nil, callId: callId)
        return try await receipt.encodeResponse(status: callId == nil ? .ok : .accepted, for: req)
    }

    @Sendable static func show(req: Request) async throws -> CallDTO {
        _ = try req.staff()
        guard let call = try await PhoneCall.find(try req.id("callID", of: "call"), on: req.db) else { throw RequestError.notFound("call") }
        return try await dtos([call], on: req.db)[0]
    }

    @Sendable static func forTicket(req: Request) async throws -> CallList {
        _ = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        guard try await Ticket.find(id, on: req.db) != nil else { throw RequestError.notFound("ticket") }
        let calls = try await PhoneCall.query(on: req.db).filter(\.$ticketId == id).sort(\.$createdAt).all()
        let dtos = try await dtos(calls, on: req.db)
        return CallList(calls: dtos, missingHandoffNotes: dtos.reduce(0) { $0 + $1.missingHandoffNotes })
    }

    /// The agent's context note for a live transfer, written after the call.
    @Sendable static func noteTransfer(req: Request) async throws -> CallDTO {
        let user = try req.staff()
        let callId = try req.id("callID", of: "call")
        let transferId = try req.id("transferID", of: "transfer")
        let input = try req.content.decode(TransferNoteRequest.self)
        return try await req.write { db in
            let call = try await TransferNotes(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).add(input.note, callId: callId, transferId: transferId)
            return try await dtos([call], on: db)[0]
        }
    }

    static func dtos(_ calls: [PhoneCall], on db: any Database) async throws -> [CallDTO] {
        let ids = try calls.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let holds = Dictionary(grouping: try await CallHold.query(on: db).filter(\.$callId ~~ ids).all(), by: \.callId)
        let transfers = Dictionary(grouping: try await CallTransfer.query(on: db).filter(\.$callId ~~ ids).all(), by: \.callId)
        return try calls.map { call in
            let id = try call.requireID()
            return try CallDTO(call, holds: holds[id] ?? [], transfers: transfers[id] ?? [])
        }
    }
}
