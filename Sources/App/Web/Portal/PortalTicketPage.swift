import FrontlineCore
import SQLKit
import Vapor

/// A customer's own ticket in the portal, as values: its public messages only (internal notes
/// never leave the desk), the reply form with what was typed, and a refusal's message. Built by
/// `load` in two queries; rendered without a database.
struct PortalTicketPage: Sendable {
    let deskName: String
    let customerName: String
    let number: Int
    let subject: String
    let status: TicketStatus
    let messages: [Entry]
    var message: String?
    var draft: String
    let now: Date

    struct Entry: Sendable {
        /// Written by the customer (shown as "You").
        let mine: Bool
        let authorName: String
        let body: String
        let createdAt: Date
    }

    static func load(_ req: Request, ticket: Ticket, customer: Customer, message: String?, draft: String) async throws -> PortalTicketPage {
        let rows = try await req.db.sql.select().columns("author_type", "author_name", "body", "created_at").from(Message.schema)
            .where("ticket_id", .equal, SQLBind(try ticket.requireID()))
            .where("visibility", .equal, SQLBind(MessageVisibility.public.rawValue))
            .orderBy("id").all()
        let entries = try rows.map { row in
            Entry(
                mine: try row.decode(column: "author_type", as: String.self) == Actor.Kind.customer.rawValue,
                authorName: try row.decode(column: "author_name", as: String.self), body: try row.decode(column: "body", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
        return PortalTicketPage(
            deskName: try await DeskSettings.load(on: req.db).deskName, customerName: customer.name, number: ticket.number,
            subject: ticket.subject, status: ticket.status, messages: entries, message: message, draft: draft, now: req.now)
    }

    func render(_ req: Request) -> Markup {
        let entries: [Markup] = messages.map { message in
            let who: String = message.mine ? "You" : message.authorName
            let cls: Markup = message.mine ? "inbound" : "outbound"
            return """
                <li class="entry message \(cls)"><div class="entry-head"><strong>\(who)</strong>\(Format.time(message.createdAt, now: now))</div>
                  <div class="body">\(message.body)</div></li>
                """
        }
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let open = status != .closed
        let solve: Markup = status.isUnresolved ? """
            <div class="form-row solve-row"><span class="muted small">All sorted?</span>
              <form method="post" action="\(WebRoute.portal(.ticket(.value(number), .solve)))" class="inline">\(req.csrfField)
              <button type="submit" class="secondary">Mark as solved</button></form></div>
            """ : .empty
        let replyForm: Markup = open ? """
            <form method="post" action="\(WebRoute.portal(.ticket(.value(number), .reply)))" class="stack">\(req.csrfField)
              <label for="reply-body">Your reply</label>
              <textarea id="reply-body" name="body" rows="5" required>\(draft)</textarea>
              <div class="form-row"><button type="submit">Send reply</button></div>
            </form>
            \(solve)
            """ : "<p class=\"muted\">This request is closed. Write a new one if you need more help.</p>"
        return PortalPages.frame(req, deskName: deskName, customerName: customerName, title: "#\(number) \(subject)", main: """
            <p class="crumbs small"><a href="\(WebRoute.portal(.home))">Your requests</a> / #\(number)</p>
            <h1><span class="muted">#\(number)</span> \(subject)</h1>
            <p>\(PortalPages.status(status))</p>
            <ol class="timeline">\(entries)</ol>
            \(error)
            \(replyForm)
            """)
    }
}
