import Fluent
import FrontlineCore
import Vapor

/// The ticket page and the forms on it. Every change goes through `TicketDesk` inside one write;
/// a form the desk refuses (a hand-off without a note, a bad status change) is shown again with the
/// reason and what was typed, with the refusal's status (422).
enum TicketPageController {
    struct BodyForm: Content {
        let body: String?
        let status: String?
    }

    struct UpdateForm: Content {
        let status: String?
        let priority: String?
        let tags: String?
        let teamId: String?

        enum CodingKeys: String, CodingKey {
            case status, priority, tags
            case teamId = "team_id"
        }
    }

    struct HandoffForm: Content {
        let toUserId: String?
        let toTeamId: String?
        let note: String?

        enum CodingKeys: String, CodingKey {
            case toUserId = "to_user_id", toTeamId = "to_team_id", note
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await TicketDetailPage.load(req, number: try number(req)).render(req).response()
    }

    @Sendable static func reply(req: Request) async throws -> Response {
        try await addMessage(req, visibility: .public)
    }

    @Sendable static func note(req: Request) async throws -> Response {
        try await addMessage(req, visibility: .internal)
    }

    private static func addMessage(_ req: Request, visibility: MessageVisibility) async throws -> Response {
        let user = try req.deskUser()
        let number = try number(req)
        let form = try req.content.decode(BodyForm.self)
        let statusAfter = try form.status.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let status = TicketStatus(rawValue: raw) else { throw TicketError.invalid(field: "status", reason: "'\(raw)' is not a status") }
            return status
        }
        let which: TicketDetailPage.FormProblem.Form = visibility == .public ? .reply : .note
        let done = visibility == .public ? "reply" : "note"
        return try await change(req, number: number, form: which, values: ["body": form.body ?? ""], done: (done, "compose")) { desk, ticket in
            _ = try await desk.addMessage(
                to: ticket, body: form.body ?? "", visibility: visibility, channel: ticket.channel,
                statusAfter: visibility == .public ? statusAfter : nil)
        } actor: { .user(user) }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let number = try number(req)
        let form = try req.content.decode(UpdateForm.self)
        var changes = TicketDesk.Changes()
        do {
            changes.status = try form.status.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let value = TicketStatus(rawValue: raw) else { throw TicketError.invalid(field: "status", reason: "'\(raw)' is not a status") }
                return value
            }
            changes.priority = try form.priority.flatMap { $0.isEmpty ? nil : $0 }.map { raw in
                guard let value = TicketPriority(rawValue: raw) else { throw TicketError.invalid(field: "priority", reason: "'\(raw)' is not a priority") }
                return value
            }
            changes.tags = form.tags.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            changes.teamId = try uuid(form.teamId, field: "team_id")
        } catch let error as any FrontlineError {
            return try await TicketDetailPage.load(req, number: number, problem: .init(form: .update, message: error.reason))
                .render(req).response(status: error.status)
        }
        return try await change(req, number: number, form: .update, values: [:], done: ("updated", "main")) { [changes] desk, ticket in
            try await desk.update(ticket, with: changes)
        } actor: { .user(user) }
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let user = try req.deskUser()
        return try await change(req, number: try number(req), form: .update, values: [:], done: ("assigned", "main")) { desk, ticket in
            try await desk.assign(ticket, to: user)
        } actor: { .user(user) }
    }

    @Sendable static func handOff(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let number = try number(req)
        let form = try req.content.decode(HandoffForm.self)
        let values = ["to_user_id": form.toUserId ?? "", "to_team_id": form.toTeamId ?? "", "note": form.note ?? ""]
        return try await change(req, number: number, form: .handoff, values: values, done: ("handed-off", "main")) { desk, ticket in
            let toUser = try await uuid(form.toUserId, field: "to_user_id").asyncMap { id in
                guard let found = try await User.find(id, on: desk.db) else { throw TicketError.invalid(field: "to_user_id", reason: "That person does not exist.") }
                return found
            }
            let toTeam = try await uuid(form.toTeamId, field: "to_team_id").asyncMap { id in
                guard let found = try await Team.find(id, on: desk.db) else { throw TicketError.invalid(field: "to_team_id", reason: "That team does not exist.") }
                return found
            }
            try await desk.handOff(ticket, toUser: toUser, toTeam: toTeam, note: form.note)
        } actor: { .user(user) }
    }

    /// Runs one change in a write and answers with a redirect back to the ticket, where `done` says
    /// in words what happened and the anchor keeps the agent where they were; or the page again,
    /// with the desk's reason beside the form, when it refuses.
    static func change(
        _ req: Request, number: Int, form: TicketDetailPage.FormProblem.Form, values: [String: String], done: (key: String, anchor: String),
        _ body: @escaping @Sendable (TicketDesk, Ticket) async throws -> Void, actor: () -> Actor
    ) async throws -> Response {
        let actor = actor()
        do {
            try await req.write { db in
                guard let id = try await Ticket.query(on: db).filter(\.$number == number).first()?.requireID() else {
                    throw WebError.notFound("ticket")
                }
                let desk = TicketDesk(on: db, actor: actor, at: req.now)
                let ticket = try await desk.ticketForChange(id)
                try await body(desk, ticket)
            }
        } catch let error as TicketError {
            return try await TicketDetailPage.load(req, number: number, problem: .init(form: form, message: error.reason, values: values))
                .render(req).response(status: error.status)
        }
        return req.redirect(to: WebRoute.desk(.ticket(.value(number))).query(["done": done.key]).fragment(done.anchor))
    }

    static func number(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("number"), let number = Int(raw), number > 0 else { throw WebError.notFound("ticket") }
        return number
    }

    private static func uuid(_ raw: String?, field: String) throws -> UUID? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw TicketError.invalid(field: field, reason: "\(field) is not an id") }
        return id
    }
}
