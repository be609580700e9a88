import Fluent
import FrontlineCore
import Vapor

/// The ticket page's promise forms: make, keep and cancel a promise. Each goes through
/// `PromiseBook`, like the API, so the rules and the messages are the API's; they answer as every
/// journey form does (`JourneyForms`).
enum PromiseFormsController {
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
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
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
            _ = try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).markKept(id, by: user, onTicket: try ticket.requireID())
        }
    }

    @Sendable static func cancelPromise(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("promiseID", of: "promise")
        let form = try req.content.decode(ReasonForm.self)
        let values = ["promise_id": id.uuidString, "reason": form.reason ?? ""]
        return try await JourneyForms.submit(req, form: .promiseChange, values: values, done: "cancelled", anchor: "promises") { db, ticket in
            _ = try await PromiseBook(desk: TicketDesk(on: db, actor: .user(user), at: req.now)).cancel(id, reason: form.reason ?? "", onTicket: try ticket.requireID())
        }
    }
}
