import FrontlineCore
import Foundation
import Vapor

/// The promises made on the ticket, soonest due first, and the forms to make, keep and cancel
/// them. A broken promise stays on the list, in red: it is the moment a customer stops trusting
/// what they are told. Which kinds an owner may mark kept comes from `PromiseRules`.
extension TicketDetailPage {
    func promisesPanel(_ request: Request) -> Markup {
        let items: [Markup] = journey.promises.map { promiseItem($0, request) }
        let list: Markup = items.isEmpty ? "<p class=\"muted small\">No promises on this ticket yet.</p>" : "<ul class=\"promise-list\">\(items)</ul>"
        let changeError: Markup = problem?.form == .promiseChange && problem?.values["promise_id"] == nil ? error(for: .promiseChange) : .empty
        return """
            <section class="panel journey-panel" id="promises" aria-label="Promises">
              <h2>Promises</h2>
              \(changeError)
              \(list)
              \(makeForm(request))
            </section>
            """
    }

    private func promiseItem(_ promise: PromiseItem, _ request: Request) -> Markup {
        let id = promise.id
        let zone = settings.zone
        let due: Markup = switch promise.state {
        case .pending: "due \(JourneyFormat.due(promise.dueAt, now: journey.now, zone: zone))"
        case .broken: "was due \(JourneyFormat.due(promise.dueAt, now: journey.now, zone: zone, pastWord: "ago"))"
        case .kept, .cancelled: "due \(Format.absolute(promise.dueAt, zone: zone))"
        }
        var outcome: Markup = .empty
        if promise.state == .kept, let at = promise.resolvedAt {
            outcome = "<p class=\"small\">Kept \(Format.absolute(at, zone: zone)) by \(JourneyFormat.action(promise.resolution)).</p>"
        } else if promise.state == .cancelled {
            outcome = "<p class=\"small\">Cancelled: \(promise.cancelReason ?? "")</p>"
        } else if promise.state == .broken {
            outcome = promise.resolution == "lapsed"
                ? "<p class=\"small\">Broken: the due time passed and nobody kept it.</p>"
                : "<p class=\"small\">Broken: kept too late, by \(JourneyFormat.action(promise.resolution)) \(promise.resolvedAt.map { Format.absolute($0, zone: zone) } ?? "").</p>"
        }
        let fromCall: Markup = promise.fromDroppedCall ? " <span class=\"muted small\">(dropped call)</span>" : .empty
        let isChanging = problem?.form == .promiseChange && problem?.values["promise_id"] == id.uuidString
        return """
            <li class="promise promise-\(promise.state.rawValue)" id="promise-\(id)">
              <div><strong>\(JourneyFormat.word(promise.kind.rawValue))</strong>\(fromCall) \(Self.promiseBadge(promise.state))</div>
              <p class="promise-text">\(promise.description)</p>
              <p class="small">\(due) · owner \(journey.name(promise.ownerId)) · made by \(promise.madeByName)</p>
              \(outcome)
              \(isChanging ? error(for: .promiseChange) : .empty)
              \(promise.state == .pending ? changeForms(promise, id: id, request) : .empty)
            </li>
            """
    }

    private func changeForms(_ promise: PromiseItem, id: UUID, _ request: Request) -> Markup {
        let user = frame.user
        // Only kinds whose proof lives outside the desk are marked kept by hand (a callback is kept
        // by a logged call, an update by a reply).
        let keep: Markup = PromiseRules.isKeptBy(.markedByOwner, kind: promise.kind) && PromiseBook.mayMarkKept(ownerId: promise.ownerId, by: user)
            ? """
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .keepPromise(.value(id)))))" class="inline">\(request.csrfField)
                <button type="submit" class="secondary small-button">Mark kept</button></form>
              """
            : .empty
        let reasonValue = problem?.values["promise_id"] == id.uuidString ? value(.promiseChange, "reason") : ""
        return """
            <div class="promise-actions">
              \(keep)
              <details class="cancel-promise"\(reasonValue.isEmpty ? Markup.empty : " open")><summary>Cancel…</summary>
                <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .cancelPromise(.value(id)))))" class="stack">\(request.csrfField)
                  <label for="cancel-\(id)">Why is it cancelled? (required)</label>
                  <textarea id="cancel-\(id)" name="reason" rows="2" required>\(reasonValue)</textarea>
                  <button type="submit" class="secondary small-button">Cancel promise</button>
                </form>
              </details>
            </div>
            """
    }

    private func makeForm(_ request: Request) -> Markup {
        guard ticket.status != .closed else { return .empty }
        let kinds = PromiseKind.allCases.map { ($0.rawValue, JourneyFormat.word($0.rawValue)) }
        let typedOwner = value(.promise, "owner_id")
        let owner = typedOwner.isEmpty ? (ticket.ownerId?.uuidString ?? "") : typedOwner
        let owners = (ticket.ownerId == nil ? [("", "Choose the owner")] : []) + staff.map { ($0.id.uuidString, $0.name) }
        let open: Markup = problem?.form == .promise ? " open" : .empty
        return """
            <details class="make-promise"\(open)><summary>Make a promise</summary>
              <form method="post" action="\(WebRoute.desk(.ticket(.value(ticket.number), .makePromise)))" class="stack" id="promise-form">
                \(request.csrfField)
                \(error(for: .promise))
                <label for="promise-kind">Kind</label>
                <select id="promise-kind" name="kind">\(Format.options(kinds, selected: value(.promise, "kind").isEmpty ? "callback" : value(.promise, "kind")))</select>
                <label for="promise-description">What was promised</label>
                <textarea id="promise-description" name="description" rows="2" required maxlength="2000">\(value(.promise, "description"))</textarea>
                <label for="promise-due">Due (\(settings.timeZone))</label>
                <input id="promise-due" name="due_at" type="datetime-local" required value="\(value(.promise, "due_at"))">
                <label for="promise-owner">Owner</label>
                <select id="promise-owner" name="owner_id">\(Format.options(owners, selected: owner))</select>
                <button type="submit">Make promise</button>
              </form>
            </details>
            """
    }

    /// pending / kept / broken / cancelled, coloured.
    static func promiseBadge(_ state: PromiseState) -> Markup {
        switch state {
        case .pending: "<span class=\"badge status-pending\">pending</span>"
        case .kept: "<span class=\"badge ok\">kept</span>"
        case .broken: "<span class=\"badge danger-badge\">broken</span>"
        case .cancelled: "<span class=\"badge status-closed\">cancelled</span>"
        }
    }
}
