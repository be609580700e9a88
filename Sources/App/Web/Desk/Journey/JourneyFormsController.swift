import Fluent
import FrontlineCore
import Vapor

/// The ticket page's journey forms: make, keep and cancel promises, escalate, add a missing
/// transfer note, attach and download proof documents. Each goes through the same service as the
/// API (`PromiseBook`, `EscalationDesk`, `TransferNotes`, `CustomerDocuments`), so the rules and the
/// messages are the API's.
enum JourneyFormsController {
    struct PromiseForm: Content {
        let kind: String?
        let description: String?
        let dueAt: String?
        let ownerId: String?

        enum CodingKeys: String, CodingKey {
            case kind, description
            case dueAt = "due_at", ownerId = "owner_id"
        }
    }

    struct ReasonForm: Content {
        let reason: String?
    }

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

    @Sendable static func makePromise(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(PromiseForm.self)
        let zone = try await DeskSettings.load(on: req.db).zone
        let lead = req.application.frontlineConfig.promiseReminderLead
        let values = ["kind": form.kind ?? "", "description": form.description ?? "", "due_at": form.dueAt ?? "", "owner_id": form.ownerId ?? ""]
        return try await JourneyForms.submit(req, form: .promise, values: values, done: "promise", anchor: "promises") { db, ticket in
            guard let kind = form.kind.flatMap(PromiseKind.init(rawValue:)) else {
                throw RequestError.invalid("kind", "kind must be one of \(PromiseKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let dueAt = JourneyFormat.formTime(form.dueAt, zone: zone) else {
                throw RequestError.invalid("due_at", "due_at must be a date and time")
            }
            let desk = TicketDesk(on: db, actor: .user(user))
            try PromiseBook.requireFutureDue(dueAt, now: desk.now)
            let ownerId = try JourneyForms.uuid(form.ownerId, field: "owner_id")
            _ = try await PromiseBook(desk: desk).make(
                on: try await desk.ticketForChange(try ticket.requireID()), kind: kind, description: form.description ?? "",
                dueAt: dueAt, ownerId: ownerId, reminderLead: lead)
        }
    }

    @Sendable static func keepPromise(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("promiseID", of: "promise")
        return try await JourneyForms.submit(req, form: .promiseChange, values: ["promise_id": id.uuidString], done: "kept", anchor: "promises") { db, ticket in
            _ = try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user))).markKept(id, by: user, onTicket: try ticket.requireID())
        }
    }

    @Sendable static func cancelPromise(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("promiseID", of: "promise")
        let form = try req.content.decode(ReasonForm.self)
        let values = ["promise_id": id.uuidString, "reason": form.reason ?? ""]
        return try await JourneyForms.submit(req, form: .promiseChange, values: values, done: "cancelled", anchor: "promises") { db, ticket in
            _ = try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user))).cancel(id, reason: form.reason ?? "", onTicket: try ticket.requireID())
        }
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
            let desk = TicketDesk(on: db, actor: .user(user))
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
            try await TransferNotes(desk: TicketDesk(on: db, actor: .user(user))).add(
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
        return req.redirect(to: "/desk/tickets/\(number)?done=document#entitlements", redirectType: .normal)
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
