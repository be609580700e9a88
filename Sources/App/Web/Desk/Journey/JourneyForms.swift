import Fluent
import FrontlineCore
import Vapor

/// How every journey form on the ticket page answers: its change runs in one write against the
/// ticket; success redirects (303) back to the ticket with a short notice, and a refusal shows the
/// page again with the service's reason beside the form, what was typed, and the refusal's status.
/// A missing ticket, promise, call or document is a 404 page.
enum JourneyForms {
    static func submit(
        _ req: Request, form: TicketDetailPage.FormProblem.Form, values: [String: String] = [:], done: String, anchor: String,
        _ body: @escaping @Sendable (any Database, Ticket) async throws -> Void
    ) async throws -> Response {
        let number = try TicketPageController.number(req)
        do {
            try await req.write { db in
                guard let ticket = try await Ticket.query(on: db).filter(\.$number == number).first() else {
                    throw WebError.notFound("ticket")
                }
                try await body(db, ticket)
            }
        } catch let error as any FrontlineError where !(error is WebError) && error.status != .notFound {
            return try await refused(req, number: number, form: form, values: values, error: error)
        }
        return req.redirect(to: WebRoute.desk(.ticket(.value(number))).query(["done": done]).fragment(anchor))
    }

    /// The ticket page again, with the reason of the refusal beside `form`.
    static func refused(
        _ req: Request, number: Int, form: TicketDetailPage.FormProblem.Form, values: [String: String], error: any FrontlineError
    ) async throws -> Response {
        let problem = TicketDetailPage.FormProblem(form: form, message: error.reason, values: values)
        return try await TicketDetailPage.load(req, number: number, problem: problem).render(req).response(status: error.status)
    }

    /// An optional id typed into a form: blank is nil, anything else must be an id.
    static func uuid(_ raw: String?, field: String) throws -> UUID? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw RequestError.invalid(field, "\(field) is not an id") }
        return id
    }
}
