import Vapor

/// The side panel of people copied on the ticket's mail: remove one, or add one of the addresses a
/// reply copied (they are not added by themselves: copying a stranger must not subscribe them).
extension TicketDetailPage {
    func participantsPanel(_ request: Request) -> Markup {
        let number = ticket.number
        let open = ticket.status != .closed
        func shown(_ person: TicketParticipants.Person) -> Markup {
            if let name = person.name { return "\(name) <span class=\"small muted\">\(person.email)</span>" }
            return "\(person.email)"
        }
        let copied: [Markup] = participants.participants.map { p -> Markup in
            let remove: Markup = open ? """
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .removeParticipant)))" class="inline">\(request.csrfField)
                  <input type="hidden" name="email" value="\(p.email)">
                  <button class="link danger" type="submit" aria-label="Stop copying \(p.email)">Remove</button></form>
                """ : .empty
            return "<li data-participant=\"\(p.email)\">\(shown(p)) \(remove)</li>"
        }
        let suggested: [Markup] = participants.suggested.map { p -> Markup in
            let add: Markup = open ? """
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .addParticipant)))" class="inline">\(request.csrfField)
                  <input type="hidden" name="email" value="\(p.email)">
                  <button class="link" type="submit" aria-label="Copy \(p.email) on this ticket">Add</button></form>
                """ : .empty
            return "<li data-suggested=\"\(p.email)\">\(shown(p)) \(add)</li>"
        }
        let suggestions: Markup = suggested.isEmpty ? .empty : """
            <h3>Copied on a reply</h3>
            <p class="small muted">Not on the ticket until you add them.</p>
            <ul class="plain-list">\(suggested)</ul>
            """
        let addForm: Markup = open ? """
            <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .addParticipant)))" class="stack">\(request.csrfField)
              \(error(for: .participants))
              <label for="participant-email">Copy someone</label>
              <input id="participant-email" name="email" type="email" required value="\(value(.participants, "email"))">
              <button type="submit" class="secondary">Add to copies</button>
            </form>
            """ : .empty
        return """
            <section class="panel" id="participants" aria-label="People copied">
              <h2>Copied on mail</h2>
              <ul class="plain-list">\(copied.isEmpty ? ["<li class=\"muted\">Nobody</li>"] : copied)</ul>
              \(suggestions)
              \(addForm)
            </section>
            """
    }
}

extension TicketPageController {
    struct ParticipantForm: Content {
        let email: String?
        let name: String?
    }

    /// Adds a participant (a typed address, or a suggested one with one click).
    @Sendable static func addParticipant(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(ParticipantForm.self)
        let settings = req.application.frontlineConfig.mail
        let now = req.now
        return try await change(req, number: try number(req), form: .participants, values: ["email": form.email ?? ""], done: ("participant-added", "participants")) { desk, ticket in
            try await TicketParticipants(desk: TicketDesk(on: desk.db, actor: desk.actor, at: now), settings: settings)
                .add(form.email ?? "", name: form.name, to: ticket)
        } actor: { .user(user) }
    }

    @Sendable static func removeParticipant(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(ParticipantForm.self)
        let settings = req.application.frontlineConfig.mail
        let now = req.now
        return try await change(req, number: try number(req), form: .participants, values: [:], done: ("participant-removed", "participants")) { desk, ticket in
            try await TicketParticipants(desk: TicketDesk(on: desk.db, actor: desk.actor, at: now), settings: settings)
                .remove(form.email ?? "", from: ticket)
        } actor: { .user(user) }
    }
}
