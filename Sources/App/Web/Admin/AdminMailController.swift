import Fluent
import Vapor

/// `/admin/mail`: the inbound messages that did not become part of a ticket, with the reason (no
/// sender, a parse problem, a database failure), so an admin sees them without the API and can
/// have one processed again. Messages kept on purpose (loops, unknown bounces) are listed below.
enum AdminMailController {
    @Sendable static func list(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        return try await page(req, notice: req.query[String.self, at: "done"]).response()
    }

    @Sendable static func retry(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        let id = try req.id("mailID", of: "inbound mail")
        guard let record = try await InboundMail.find(id, on: req.db) else { throw WebError.notFound("inbound mail") }
        guard record.status == .failed, try await MailIngestor(app: req.application).retry(record, now: req.now) else {
            return req.redirect(to: WebRoute.admin(.mail).query(["done": "unchanged"]))
        }
        return req.redirect(to: WebRoute.admin(.mail).query(["done": record.status.rawValue]))
    }

    private static func page(_ req: Request, notice: String?) async throws -> Markup {
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: "admin-mail")
        let failed = try await InboundMail.query(on: req.db).filter(\.$status == .failed).sort(\.$receivedAt, .descending).limit(200).all()
        let ignored = try await InboundMail.query(on: req.db).filter(\.$status == .ignored).sort(\.$receivedAt, .descending).limit(50).all()
        let said: String? = switch notice {
        case "processed"?: "Processed: the message is on its ticket now."
        case "failed"?: "Processed again, and it failed again; the reason is below."
        case "unchanged"?: "Nothing to do: that message is not failed (any more)."
        default: nil
        }
        func rows(_ mails: [InboundMail], retry: Bool) -> [Markup] {
            mails.map { mail -> Markup in
                let button: Markup = retry ? """
                    <form method="post" action="\(WebRoute.admin(.retryMail(.value(mail.id ?? UUID()))))" class="inline">\(req.csrfField)
                      <button class="link" type="submit">Process again</button></form>
                    """ : .empty
                return """
                    <tr data-mail="\(mail.id?.uuidString ?? "")"><td>\(Format.time(mail.receivedAt, now: req.now))</td><td>\(mail.source)</td>
                      <td><code>\(mail.messageID ?? "no Message-ID")</code></td><td>\(mail.error ?? "")</td><td>\(button)</td></tr>
                    """
            }
        }
        let head: Markup = """
            <thead><tr><th scope="col">Received</th><th scope="col">Via</th><th scope="col">Message-ID</th>
              <th scope="col">Reason</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            """
        let failedTable: Markup = failed.isEmpty ? "<p class=\"muted\">No failed messages: every message became part of a ticket.</p>" : """
            <table class="tickets admin"><caption class="visually-hidden">Failed inbound messages</caption>\(head)
              <tbody>\(rows(failed, retry: true))</tbody></table>
            """
        let ignoredTable: Markup = ignored.isEmpty ? "<p class=\"muted\">None.</p>" : """
            <table class="tickets admin"><caption class="visually-hidden">Inbound messages kept but not turned into tickets</caption>\(head)
              <tbody>\(rows(ignored, retry: false))</tbody></table>
            """
        return Layout.desk(req, frame, title: "Inbound mail", main: """
            <div class="page-head"><h1>Inbound mail</h1></div>
            \(AdminPage.messages(message: nil, notice: said))
            <h2>Failed</h2>
            <p class="small muted">Kept with the reason; nothing is lost. The raw message stays in the data directory.</p>
            \(failedTable)
            <h2>Kept, not a customer's mail</h2>
            <p class="small muted">Our own mail coming back, and reports about mail Frontline does not know.</p>
            \(ignoredTable)
            """)
    }
}
