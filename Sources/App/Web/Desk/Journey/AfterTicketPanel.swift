import Foundation
import Vapor

/// "After this ticket": what the agent takes away from it (seed 003, "learn every day"; seed 001,
/// policies that penalise customers). Four small forms, folded away until wanted: send the ticket
/// to the coaching queue, log what was learned, raise a product insight, flag a policy's friction.
extension TicketDetailPage {
    /// What a form that worked says after its redirect (`?done=`); unknown values say nothing.
    static let doneMessages: [String: String] = [
        "promise": "Promise made.", "kept": "Promise marked kept.", "cancelled": "Promise cancelled.",
        "escalated": "Escalated.", "transfer-note": "Transfer note added.", "document": "Document attached to the customer's record.",
        "coaching": "Sent to the coaching queue.", "learning": "Saved to your learning log.",
        "insight": "Insight raised.", "friction": "Policy friction flagged.",
        "kudos": "The customer's thanks are on the kudos wall.",
        "reply": "Reply sent.", "note": "Internal note added.", "updated": "Ticket updated.",
        "assigned": "The ticket is yours now.", "handed-off": "Handed off, with your note for the receiver.",
        "participant-added": "They are copied on the ticket's mail now.", "participant-removed": "No longer copied on the ticket's mail.",
    ]

    /// A reply or note just sent: its confirmation stands by the compose forms the agent is at.
    var composedNow: Bool { done == "reply" || done == "note" }

    var doneNotice: Markup {
        guard problem == nil, let done, let message = Self.doneMessages[done] else { return .empty }
        return "<p class=\"notice\" role=\"status\">\(message)</p>"
    }

    func afterTicketPanel(_ request: Request) -> Markup {
        let number = ticket.number
        let forms: [FormProblem.Form] = [.coaching, .learning, .insight, .friction, .kudos]
        let open: Markup = problem.map { forms.contains($0.form) } == true ? " open" : .empty
        let topics = LearningTopic.allCases.map { ($0.rawValue, JourneyFormat.word($0.rawValue)) }
        return """
            <details class="panel after-ticket" id="after-ticket"\(open)>
              <summary><strong>After this ticket</strong> <span class="muted small">coaching, learning, insights, policy friction, customer thanks</span></summary>
              <div class="after-grid">
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .coachingQueue)))" class="stack">\(request.csrfField)
                  <h3>Send to coaching queue</h3>
                  \(error(for: .coaching))
                  <label for="coaching-reason">What is worth discussing</label>
                  <textarea id="coaching-reason" name="reason" rows="2" required maxlength="1000">\(value(.coaching, "reason"))</textarea>
                  <button type="submit" class="secondary">Send to coaching</button>
                </form>
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .learning)))" class="stack">\(request.csrfField)
                  <h3>What I learned</h3>
                  \(error(for: .learning))
                  <label for="learning-about">About</label>
                  <select id="learning-about" name="about">\(Format.options(topics, selected: value(.learning, "about").isEmpty ? "product" : value(.learning, "about")))</select>
                  <label for="learning-text">What I learned</label>
                  <textarea id="learning-text" name="text" rows="2" required>\(value(.learning, "text"))</textarea>
                  <button type="submit" class="secondary">Save to my log</button>
                </form>
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .insight)))" class="stack">\(request.csrfField)
                  <h3>Raise insight</h3>
                  \(error(for: .insight))
                  <label for="insight-title">Title</label>
                  <input id="insight-title" name="title" required maxlength="200" value="\(value(.insight, "title"))">
                  <label for="insight-description">What customers run into</label>
                  <textarea id="insight-description" name="description" rows="2" required>\(value(.insight, "description"))</textarea>
                  <label for="insight-product">Product <span class="muted small">(optional)</span></label>
                  <input id="insight-product" name="product" maxlength="100" value="\(value(.insight, "product"))">
                  <button type="submit" class="secondary">Raise insight</button>
                </form>
                <form method="post" action="\(WebRoute.desk(.ticket(.value(number), .policyFriction)))" class="stack">\(request.csrfField)
                  <h3>Flag policy friction</h3>
                  \(error(for: .friction))
                  <label for="friction-policy">Policy</label>
                  <input id="friction-policy" name="policy" required maxlength="200" value="\(value(.friction, "policy"))">
                  <label for="friction-description">How it creates work or penalises the customer</label>
                  <textarea id="friction-description" name="description" rows="2" required>\(value(.friction, "description"))</textarea>
                  <label for="friction-revenue">Revenue at risk <span class="muted small">(optional)</span></label>
                  <input id="friction-revenue" name="revenue_at_risk" inputmode="decimal" value="\(value(.friction, "revenue_at_risk"))">
                  <button type="submit" class="secondary">Flag friction</button>
                </form>
                \(customerKudosForm(request))
              </div>
            </details>
            """
    }

    /// For leads: a customer's thank-you on this ticket becomes kudos for whoever earned it (seed
    /// 004: recognition all year, in the customer's own words).
    private func customerKudosForm(_ request: Request) -> Markup {
        guard frame.user.role >= .lead else { return .empty }
        let thanks = timeline.messages.values.filter { $0.authorType == Actor.Kind.customer.rawValue && $0.visibility == .public }
            .sorted { $0.id > $1.id }
        let messageOptions = [("", "No particular message")] + thanks.map { message in
            (String(message.id), "\(Format.absolute(message.createdAt, zone: settings.zone)): \(message.body.prefix(60))")
        }
        let people = staff.map { ($0.id.uuidString, $0.name) }
        let chosenPerson = value(.kudos, "to_user_id").isEmpty ? (ticket.ownerId?.uuidString ?? "") : value(.kudos, "to_user_id")
        let values = [("", "No particular value")] + KudosValue.allCases.map { ($0.rawValue, JourneyFormat.word($0.rawValue)) }
        return """
            <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .customerKudos)))" class="stack">\(request.csrfField)
              <h3>Customer's thanks → kudos</h3>
              \(error(for: .kudos))
              <label for="kudos-message-id">The customer's message</label>
              <select id="kudos-message-id" name="message_id">\(Format.options(messageOptions, selected: value(.kudos, "message_id")))</select>
              <label for="kudos-to-user">For</label>
              <select id="kudos-to-user" name="to_user_id">\(Format.options(people, selected: chosenPerson))</select>
              <label for="kudos-value">Value</label>
              <select id="kudos-value" name="value">\(Format.options(values, selected: value(.kudos, "value")))</select>
              <label for="kudos-quote">In the customer's words</label>
              <textarea id="kudos-quote" name="quote" rows="2" required maxlength="2000">\(value(.kudos, "quote"))</textarea>
              <button type="submit" class="secondary">Put on their wall</button>
            </form>
            """
    }
}
