import Fluent
import FrontlineCore
import Vapor

/// The customer portal: a customer's own tickets with their public messages only, a new request,
/// a reply, and marking a ticket solved. Another customer's ticket answers 404, exactly like one
/// that does not exist.
enum PortalController {
    struct RequestForm: Content {
        let subject: String?
        let body: String?
    }

    struct ReplyForm: Content {
        let body: String?
    }

    @Sendable static func home(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        let tickets = try await Ticket.query(on: req.db).filter(\.$requesterId == (try customer.requireID()))
            .sort(\.$number, .descending).limit(200).all()
        let rows: [Markup] = tickets.map { ticket in
            """
            <tr><td class="num">\(ticket.number)</td>
              <td><a href="\(WebRoute.portal(.ticket(.value(ticket.number))))">\(ticket.subject)</a></td>
              <td>\(PortalPages.status(ticket.status))</td><td>\(Format.time(ticket.updatedAt, now: req.now))</td></tr>
            """
        }
        let empty: Markup = tickets.isEmpty ? "<tr class=\"empty\"><td colspan=\"4\">No requests yet.</td></tr>" : .empty
        return try await PortalPages.frame(req, customer: customer, title: "Your requests", main: """
            <div class="page-head"><h1>Your requests</h1><a class="button" href="\(WebRoute.portal(.newRequest))">New request</a></div>
            <table class="tickets"><caption class="visually-hidden">Your requests</caption>
              <thead><tr><th scope="col" class="num">#</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Last update</th></tr></thead>
              <tbody>\(rows)\(empty)</tbody></table>
            """).response()
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        return try await PortalPages.newRequest(req, customer: customer, subject: "", body: "", message: nil).response()
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        let form = try req.content.decode(RequestForm.self)
        var new = TicketDesk.NewTicket(subject: form.subject ?? "", body: form.body ?? "", requesterEmail: customer.email)
        new.requesterName = customer.name
        new.channel = .portal
        try await CustomerMessageLimit.count(.customer(customer), request: req)
        do {
            let ticket = try await req.write { [new] db in
                try await TicketDesk(on: db, actor: .customer(customer), at: req.now).create(new)
            }
            req.application.metrics.ticketsCreated.increment()
            return req.redirect(to: WebRoute.portal(.ticket(.value(ticket.number))))
        } catch let error as TicketError {
            return try await PortalPages.newRequest(req, customer: customer, subject: form.subject ?? "", body: form.body ?? "", message: error.reason)
                .response(status: error.status)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        let ticket = try await ownTicket(req, customer: customer)
        return try await PortalTicketPage.load(req, ticket: ticket, customer: customer, message: nil, draft: "").render(req).response()
    }

    @Sendable static func reply(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        let ticket = try await ownTicket(req, customer: customer)
        let form = try req.content.decode(ReplyForm.self)
        let ticketId = try ticket.requireID()
        try await CustomerMessageLimit.count(.customer(customer), request: req)
        do {
            try await req.write { db in
                let desk = TicketDesk(on: db, actor: .customer(customer), at: req.now)
                let current = try await desk.ticketForChange(ticketId)
                _ = try await desk.addMessage(to: current, body: form.body ?? "", visibility: .public, channel: .portal)
            }
        } catch let error as TicketError {
            return try await PortalTicketPage.load(req, ticket: ticket, customer: customer, message: error.reason, draft: form.body ?? "")
                .render(req).response(status: error.status)
        }
        return req.redirect(to: WebRoute.portal(.ticket(.value(ticket.number))))
    }

    @Sendable static func solve(req: Request) async throws -> Response {
        let customer = try portalCustomer(req)
        let ticket = try await ownTicket(req, customer: customer)
        let ticketId = try ticket.requireID()
        do {
            try await req.write { db in
                let desk = TicketDesk(on: db, actor: .customer(customer), at: req.now)
                let current = try await desk.ticketForChange(ticketId)
                try await desk.update(current, with: .init(status: .solved))
            }
        } catch let error as TicketError {
            return try await PortalTicketPage.load(req, ticket: ticket, customer: customer, message: error.reason, draft: "")
                .render(req).response(status: error.status)
        }
        return req.redirect(to: WebRoute.portal(.ticket(.value(ticket.number))))
    }

    static func portalCustomer(_ req: Request) throws -> Customer {
        guard let customer = req.webCustomer else { throw RequestError.unauthenticated }
        return customer
    }

    /// The customer's own ticket by number; anyone else's is "not found".
    private static func ownTicket(_ req: Request, customer: Customer) async throws -> Ticket {
        guard let raw = req.parameters.get("number"), let number = Int(raw),
            let ticket = try await Ticket.query(on: req.db).filter(\.$number == number).first(),
            TicketAccess.isVisible(ticket, to: .customer(customer))
        else { throw WebError.notFound("request") }
        return ticket
    }
}

/// Sends signed-out browsers to the portal's sign-in page.
struct PortalGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.webCustomer != nil else {
            if request.method == .GET { return request.redirect(to: WebRoute.portal(.signIn)) }
            throw WebError.forbidden("Your session has ended. Sign in again, then send this once more.")
        }
        return try await next.respond(to: request)
    }
}
