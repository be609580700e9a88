import Fluent
import FrontlineCore
import Vapor

/// The ticket page's journey forms: escalate, add a missing transfer note, attach and download
/// proof documents (the promise forms are the promises feature's, `PromiseFormsController`). Each
/// goes through the same service as the API (`EscalationDesk`, `TransferNotes`,
/// `CustomerDocuments`), so the rules and the messages are the API's.
enum JourneyFormsController {
    struct EscalateForm: Content {
        let toTeamId: String?
        let toUserId: String?
        let reason: String?
        let targetMinutes: String?

        enum CodingKeys: String, CodingKey {
            case reason
            case toTeamId = "to_team_id", toUserId = "to_user_id", targetMinutes = "target_minutes"
        }
    }

    struct NoteForm: Content {
        let note: String?
    }

    @Sendable static func escalate(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(EscalateForm.self)
        let standardTarget = req.application.frontlineConfig.escalationTargetMinutes
        let values = [
            "to_team_id": form.toTeamId ?? "", "to_user_id": form.toUserId ?? "", "reason": form.reason ?? "",
            "target_minutes": form.targetMinutes ?? "",
        ]
        return try await JourneyForms.submit(req, form: .escalate, values: values, done: "escalated", anchor: "escalations") { db, ticket in
            var target = standardTarget
            if let raw = form.targetMinutes?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                guard let minutes = Int(raw) else { throw RequestError.invalid("target_minutes", "target_minutes must be a whole number of minutes") }
                target = minutes
            }
            let toUserId = try JourneyForms.uuid(form.toUserId, field: "to_user_id")
            let toTeamId = try JourneyForms.uuid(form.toTeamId, field: "to_team_id")
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            _ = try await EscalationDesk(desk: desk).escalate(
                try await desk.ticketForChange(try ticket.requireID()), toUserId: toUserId, toTeamId: toTeamId,
                reason: form.reason ?? "", targetMinutes: target)
        }
    }

    @Sendable static func noteTransfer(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let callId = try req.id("callID", of: "call")
        let transferId = try req.id("transferID", of: "transfer")
        let form = try req.content.decode(NoteForm.self)
        let values = ["transfer_id": transferId.uuidString, "note": form.note ?? ""]
        return try await JourneyForms.submit(req, form: .transferNote, values: values, done: "transfer-note", anchor: "calls") { db, ticket in
            try await TransferNotes(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).add(
                form.note, callId: callId, transferId: transferId, onTicket: try ticket.requireID())
        }
    }

    /// Multipart, the `file` part; filed on the ticket's customer, so every ticket of theirs shows it.
    @Sendable static func attachDocument(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let number = try TicketPageController.number(req)
        guard let ticket = try await Ticket.query(on: req.db).filter(\.$number == number).first() else { throw WebError.notFound("ticket") }
        do {
            guard let upload = try? req.content.decode(DocumentUpload.self) else {
                throw RequestError.invalid("file", "choose a file to attach")
            }
            _ = try await CustomerDocuments(app: req.application).store(
                Data(buffer: upload.file.data), filename: upload.file.filename,
                contentType: upload.file.contentType?.serialize() ?? "application/octet-stream",
                for: ticket.requesterId, by: .user(user), at: req.now)
        } catch let error as any FrontlineError where error.status != .notFound {
            return try await JourneyForms.refused(req, number: number, form: .document, values: [:], error: error)
        }
        return req.redirect(to: WebRoute.desk(.ticket(.value(number))).query(["done": "document"]).fragment("entitlements"))
    }

    /// A proof document: staff read any (the API's rule), served as `CustomerDocuments` serves every download.
    @Sendable static func downloadDocument(req: Request) async throws -> Response {
        _ = try req.deskUser()
        guard let document = try await CustomerDocument.find(try req.id("documentID", of: "document"), on: req.db) else {
            throw RequestError.notFound("document")
        }
        return try await CustomerDocuments(app: req.application).download(document)
    }
}
