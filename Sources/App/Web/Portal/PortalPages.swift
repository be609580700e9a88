import Fluent
import FrontlineCore
import Vapor

/// The portal's pages: plainer than the desk, in the customer's words.
enum PortalPages {
    static func frame(_ req: Request, customer: Customer, title: String, main: Markup) async throws -> Markup {
        let settings = try await DeskSettings.load(on: req.db)
        return Layout.document(req, title: title, bodyClass: "portal", body: """
            <a class="skip" href="#main">Skip to content</a>
            <header class="topbar portal-bar">
              <a class="brand" href="/portal">\(settings.deskName) support</a>
              <div class="me"><span class="me-name">\(customer.name)</span> <a href="/portal/documents">Warranties &amp; documents</a> <a href="/portal/password">Password</a>
                <form method="post" action="/logout">\(req.csrfField)<button class="link" type="submit">Sign out</button></form></div>
            </header>
            <main id="main" class="portal-main">\(main)</main>
            """)
    }

    /// Customers see three states: we are on it, we are waiting for you, done.
    static func status(_ status: TicketStatus) -> Markup {
        switch status {
        case .new, .open, .onHold: "<span class=\"badge status-open\">We are on it</span>"
        case .pending: "<span class=\"badge status-pending\">Waiting for your reply</span>"
        case .solved, .closed: "<span class=\"badge status-solved\">Solved</span>"
        }
    }

    static func newRequest(_ req: Request, customer: Customer, subject: String, body: String, message: String?) async throws -> Markup {
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        return try await frame(req, customer: customer, title: "New request", main: """
            <div class="card">
              <h1>New request</h1>
              \(error)
              <form method="post" action="/portal/new" class="stack">\(req.csrfField)
                <label for="subject">Subject</label>
                <input id="subject" name="subject" required maxlength="250" value="\(subject)">
                <label for="body">How can we help?</label>
                <textarea id="body" name="body" rows="8" required>\(body)</textarea>
                <button type="submit">Send request</button>
              </form>
            </div>
            """)
    }

    static func ticket(_ req: Request, customer: Customer, ticket: Ticket, message: String?, draft: String) async throws -> Markup {
        // Public messages only: internal notes never leave the desk.
        let messages = try await Message.query(on: req.db).filter(\.$ticketId == (try ticket.requireID()))
            .filter(\.$visibility == .public).sort(\.$id).all()
        let entries: [Markup] = messages.map { message in
            let mine = message.authorType == Actor.Kind.customer.rawValue
            let who: String = mine ? "You" : message.authorName
            let cls: Markup = mine ? "inbound" : "outbound"
            return """
                <li class="entry message \(cls)"><div class="entry-head"><strong>\(who)</strong>\(Format.time(message.createdAt))</div>
                  <div class="body">\(message.body)</div></li>
                """
        }
        let error: Markup = message.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        let open = ticket.status != .closed
        let solve: Markup = ticket.status.isUnresolved ? """
            <div class="form-row solve-row"><span class="muted small">All sorted?</span>
              <form method="post" action="/portal/tickets/\(ticket.number)/solve" class="inline">\(req.csrfField)
              <button type="submit" class="secondary">Mark as solved</button></form></div>
            """ : .empty
        let replyForm: Markup = open ? """
            <form method="post" action="/portal/tickets/\(ticket.number)/reply" class="stack">\(req.csrfField)
              <label for="reply-body">Your reply</label>
              <textarea id="reply-body" name="body" rows="5" required>\(draft)</textarea>
              <div class="form-row"><button type="submit">Send reply</button></div>
            </form>
            \(solve)
            """ : "<p class=\"muted\">This request is closed. Write a new one if you need more help.</p>"
        return try await frame(req, customer: customer, title: "#\(ticket.number) \(ticket.subject)", main: """
            <p class="crumbs small"><a href="/portal">Your requests</a> / #\(ticket.number)</p>
            <h1><span class="muted">#\(ticket.number)</span> \(ticket.subject)</h1>
            <p>\(status(ticket.status))</p>
            <ol class="timeline">\(entries)</ol>
            \(error)
            \(replyForm)
            """)
    }
}
