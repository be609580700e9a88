import Fluent
import FrontlineCore
import Vapor

/// The people panel on a ticket page: send the ticket to the coaching queue, and start a learning
/// entry, an insight or a policy-friction report from it (those forms open with the ticket filled in).
enum PeopleTicketPanel {
    static func render(_ request: Request, number: Int) -> Markup {
        """
        <section class="panel" id="coaching" aria-labelledby="people-h">
          <h2 id="people-h">Learn from this ticket</h2>
          <ul class="plain-list">
            <li><a href="/desk/people/learning?ticket=\(number)">Log what I learned</a></li>
            <li><a href="/desk/people/insights?ticket=\(number)">Raise a product insight</a></li>
            <li><a href="/desk/people/frictions?ticket=\(number)">Report a policy that got in the way</a></li>
          </ul>
          <details><summary>Worth discussing in coaching</summary>
            <form method="post" action="/desk/tickets/\(number)/coaching-queue" class="stack">\(request.csrfField)
              <label for="coaching-reason">Why (the lead sees this)</label>
              <textarea id="coaching-reason" name="reason" rows="2" maxlength="1000" required></textarea>
              <button type="submit" class="secondary">Send to the coaching queue</button>
            </form></details>
        </section>
        """
    }

    /// Anyone on staff sends the ticket to the coaching queue (as the API); it is about its owner.
    @Sendable static func sendToCoaching(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let number = try TicketPageController.number(req)
        let form = try PeopleWeb.form(req)
        try await req.write { db in
            guard let ticket = try await Ticket.query(on: db).filter(\.$number == number).first() else { throw WebError.notFound("ticket") }
            _ = try await CoachingQueueController.add(ticketId: try ticket.requireID(), reason: form["reason"], by: user, on: db)
        }
        return req.redirect(to: "/desk/tickets/\(number)#coaching", redirectType: .normal)
    }
}
