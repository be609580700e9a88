import Fluent
import FrontlineCore
import Vapor

/// The public "contact us" form: opens a ticket on the web channel without an account. A hidden
/// honeypot field catches form-filling bots (they get the thank-you page, but no ticket), and each
/// address may send a few per hour.
enum ContactController {
    struct ContactForm: Content {
        let name: String?
        let email: String?
        let subject: String?
        let message: String?
        /// The honeypot: hidden from people and screen readers, filled in by bots.
        let website: String?
    }

    @Sendable static func form(req: Request) async throws -> Response {
        try await page(req, form: nil, message: nil).response()
    }

    /// Every problem of the form at once, by field, in the visitor's words.
    static func problems(_ form: ContactForm) -> [String: String] {
        var problems: [String: String] = [:]
        if (form.name ?? "").count > 200 { problems["name"] = "Please shorten your name to 200 characters." }
        if !EmailAddress.isValid(form.email ?? "") { problems["email"] = "Please check your email address: we need it to answer you." }
        do { _ = try TicketInput.subject(form.subject ?? "") } catch {
            problems["subject"] = (form.subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "Please give your message a subject." : "Please shorten the subject to \(TicketInput.maxSubjectLength) characters."
        }
        do { _ = try TicketInput.body(form.message ?? "") } catch {
            problems["message"] = (form.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "Please tell us what you need in the message." : "Please shorten the message to \(TicketInput.maxBodyLength) characters."
        }
        return problems
    }

    @Sendable static func send(req: Request) async throws -> Response {
        let form = try req.content.decode(ContactForm.self)
        if let trap = form.website, !trap.isEmpty {
            return try await thanks(req, number: nil).response()
        }
        let problems = problems(form)
        guard problems.isEmpty else { return try await page(req, form: form, message: nil, problems: problems).response(status: .unprocessableEntity) }
        let address = req.clientAddress
        let now = req.now
        var new = TicketDesk.NewTicket(subject: form.subject ?? "", body: form.message ?? "", requesterEmail: form.email ?? "")
        new.requesterName = form.name
        new.channel = .web
        do {
            // Counted and admitted in the ticket's own write: a form that is refused as invalid
            // rolls its count back with it.
            let (decision, created) = try await req.write { [new] db -> (RateLimit.Decision, Ticket?) in
                let decision = try await RateLimit.contactPerAddress.admit(address, on: db, at: now)
                guard decision == .admitted else { return (decision, nil) }
                return (decision, try await TicketDesk(on: db, actor: .system, at: req.now).create(new))
            }
            guard let ticket = created else {
                return try await page(req, form: form, message: WebError.tooManyAttempts(minutes: RateLimit.contactPerAddress.minutes, what: "messages from your connection").reason)
                    .response(status: .tooManyRequests).retrying(after: decision)
            }
            req.application.metrics.ticketsCreated.increment()
            return try await thanks(req, number: ticket.number).response(status: .created)
        } catch let error as TicketError {
            let reason: String = switch error.field ?? "" {
            case "requester.email": "Please check your email address: we need it to answer you."
            case "body": "Please tell us what you need in the message."
            default: error.reason.prefix(1).uppercased() + error.reason.dropFirst() + "."
            }
            return try await page(req, form: form, message: reason).response(status: .unprocessableEntity)
        }
    }

    private static func page(_ req: Request, form: ContactForm?, message: String?, problems: [String: String] = [:]) async throws -> Markup {
        let settings = try await DeskSettings.load(on: req.db)
        let summary = problems.isEmpty ? message : "Please correct the \(problems.count == 1 ? "field" : "\(problems.count) fields") marked below."
        let error: Markup = summary.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        // Each problem beside its field, tied to it for screen readers.
        func problem(_ field: String) -> Markup {
            problems[field].map { "<p class=\"field-error\" id=\"\(field)-error\">\($0)</p>" } ?? .empty
        }
        func invalid(_ field: String) -> Markup {
            problems[field] == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(field)-error\""
        }
        return Layout.plain(req, title: "Contact us", bodyClass: "plain contact", body: """
            <main id="main" class="card">
              <p class="brand-mark">\(settings.deskName)</p>
              <h1>Contact us</h1>
              <p class="lead">Tell us what you need. A person reads every message and answers by email.</p>
              \(error)
              <form method="post" action="\(WebRoute.contact)" class="stack">
                \(req.csrfField)
                <div class="two">
                  <div><label for="name">Your name</label>
                    <input id="name" name="name" autocomplete="name" maxlength="200" value="\(form?.name ?? "")"\(invalid("name"))>\(problem("name"))</div>
                  <div><label for="email">Email address</label>
                    <input id="email" name="email" type="email" autocomplete="email" required value="\(form?.email ?? "")"\(invalid("email"))>\(problem("email"))</div>
                </div>
                <label for="subject">Subject</label>
                <input id="subject" name="subject" required maxlength="250" value="\(form?.subject ?? "")"\(invalid("subject"))>\(problem("subject"))
                <label for="message">Message</label>
                <textarea id="message" name="message" rows="8" required\(invalid("message"))>\(form?.message ?? "")</textarea>\(problem("message"))
                <div class="trap" aria-hidden="true"><label for="website">Leave this empty</label>
                  <input id="website" name="website" tabindex="-1" autocomplete="off"></div>
                <button type="submit">Send message</button>
              </form>
              <p class="small muted">Already wrote to us? <a href="\(WebRoute.portal(.signIn))">See your requests</a>.</p>
            </main>
            """)
    }

    private static func thanks(_ req: Request, number: Int?) async throws -> Markup {
        let reference: Markup = number.map { "<p class=\"lead\">Your request number is <strong class=\"ticket-number\">#\($0)</strong>. Quote it if you write again.</p>" }
            ?? "<p class=\"lead\">We have your message.</p>"
        return Layout.plain(req, title: "Thank you", bodyClass: "plain contact", body: """
            <main id="main" class="card narrow">
              <h1>Thank you, we are on it</h1>
              \(reference)
              <p>We answer by email. You can also follow your request in the <a href="\(WebRoute.portal(.signIn))">customer portal</a>.</p>
            </main>
            """)
    }
}
