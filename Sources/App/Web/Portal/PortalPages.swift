import Fluent
import FrontlineCore
import Vapor

/// The portal's pages: plainer than the desk, in the customer's words.
enum PortalPages {
    static func frame(_ req: Request, customer: Customer, title: String, main: Markup) async throws -> Markup {
        frame(req, deskName: try await DeskSettings.load(on: req.db).deskName, customerName: customer.name, title: title, main: main)
    }

    /// The portal's frame from values (the pages built as values render it without a database).
    static func frame(_ req: Request, deskName: String, customerName: String, title: String, main: Markup) -> Markup {
        Layout.document(req, title: title, bodyClass: "portal", body: """
            <a class="skip" href="#main">Skip to content</a>
            <header class="topbar portal-bar">
              <a class="brand" href="\(WebRoute.portal(.home))">\(deskName) support</a>
              <div class="me"><span class="me-name">\(customerName)</span> <a href="\(WebRoute.portal(.documents))">Warranties &amp; documents</a> <a href="\(WebRoute.portal(.password))">Password</a>
                <form method="post" action="\(WebRoute.signOut)">\(req.csrfField)<button class="link" type="submit">Sign out</button></form></div>
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
              <form method="post" action="\(WebRoute.portal(.newRequest))" class="stack">\(req.csrfField)
                <label for="subject">Subject</label>
                <input id="subject" name="subject" required maxlength="250" value="\(subject)">
                <label for="body">How can we help?</label>
                <textarea id="body" name="body" rows="8" required>\(body)</textarea>
                <button type="submit">Send request</button>
              </form>
            </div>
            """)
    }
}
