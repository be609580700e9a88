import Fluent
import FrontlineCore
import Foundation

/// Makes, keeps, cancels and breaks promises, recording each change on the ticket's timeline.
/// Works inside the desk's write, so the promise and its event commit together.
struct PromiseBook {
    let desk: TicketDesk
    var db: any Database { desk.db }
    var now: Date { desk.now }

    /// Makes a promise owned by `ownerId`, or by the ticket's owner when nil.
    func make(
        on ticket: Ticket, kind: PromiseKind, description rawDescription: String, dueAt: Date, ownerId: UUID?,
        reminderLead: TimeInterval, callId: UUID? = nil, answersEscalations: Bool = true
    ) async throws -> CustomerPromise {
        try desk.ensureOpenForChange(ticket)
        let description = rawDescription.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2000).contains(description.unicodeScalars.count) else {
            throw RequestError.invalid("description", "description must be 1 to 2000 characters")
        }
        guard let owner = ownerId ?? ticket.ownerId else { throw PromiseError.noOwner }
        guard let user = try await User.find(owner, on: db), user.active else {
            throw RequestError.invalid("owner_id", "no active user has that id")
        }
        let remindAt = PromiseRules.reminderTime(due: dueAt, lead: reminderLead)
        let promise = CustomerPromise(
            ticketId: try ticket.requireID(), kind: kind, description: description, dueAt: dueAt,
            remindAt: remindAt > now ? remindAt : nil, ownerId: owner, madeBy: desk.actor, callId: callId, at: now)
        try await promise.create(on: db)
        try await desk.record(.promiseMade(.init(promise: try facts(promise), ownerName: user.name)), on: ticket)
        // A promise to call back answers a phone escalation; the automatic one of a dropped call does not.
        if kind == .callback && answersEscalations {
            try await EscalationDesk(desk: desk).answerOnPhone(ticket: ticket, by: "callback_promise")
        }
        return promise
    }

    /// A promise made now must fall due later: one already overdue would be broken on arrival.
    /// (A dropped call's callback is the exception: its due time follows from when the call ended.)
    static func requireFutureDue(_ dueAt: Date, now: Date) throws {
        guard dueAt > now else { throw RequestError.invalid("due_at", "due_at must be in the future") }
    }

    /// Who may mark a promise kept: its owner, or a lead or above on their behalf.
    static func mayMarkKept(_ promise: CustomerPromise, by user: User) -> Bool {
        mayMarkKept(ownerId: promise.ownerId, by: user)
    }

    /// The same rule for a promise known by its owner alone (the ticket page's values).
    static func mayMarkKept(ownerId: UUID, by user: User) -> Bool {
        ownerId == user.id || user.role >= .lead
    }

    /// The owner (or a lead) marks the promise kept now. `ticketId`, when given, is the ticket the
    /// promise must belong to (a page of one ticket may not reach another's promise).
    func markKept(_ id: UUID, by user: User, onTicket ticketId: UUID? = nil) async throws -> CustomerPromise {
        let (promise, ticket) = try await lockedPromise(id, onTicket: ticketId) { found in
            guard Self.mayMarkKept(found, by: user) else { throw PromiseError.notOwner }
        }
        try await keep(promise, by: .markedByOwner, at: now, on: ticket)
        return promise
    }

    /// Cancels the promise with the reason; see ``markKept(_:by:onTicket:)`` for `ticketId`.
    func cancel(_ id: UUID, reason: String, onTicket ticketId: UUID? = nil) async throws -> CustomerPromise {
        let (promise, ticket) = try await lockedPromise(id, onTicket: ticketId) { _ in }
        try await cancel(promise, reason: reason, on: ticket)
        return promise
    }

    /// The promise and its ticket, the ticket locked and the promise read again under the lock:
    /// the scheduler may have broken it meanwhile.
    private func lockedPromise(
        _ id: UUID, onTicket ticketId: UUID?, check: (CustomerPromise) throws -> Void
    ) async throws -> (CustomerPromise, Ticket) {
        guard let found = try await CustomerPromise.find(id, on: db), ticketId == nil || found.ticketId == ticketId else {
            throw RequestError.notFound("promise")
        }
        try check(found)
        let ticket = try await desk.ticketForChange(found.ticketId)
        guard let promise = try await CustomerPromise.find(id, on: db) else { throw RequestError.notFound("promise") }
        return (promise, ticket)
    }

    /// Applies `action` at `at` (when it happened): kept when on time, broken when late.
    func keep(_ promise: CustomerPromise, by action: PromiseKeepingAction, at: Date, on ticket: Ticket) async throws {
        let next = try Self.transition(promise, .keep(by: action), at: at)
        promise.state = next
        promise.resolution = action.rawValue
        promise.resolvedAt = at
        promise.remindAt = nil
        try await promise.save(on: db)
        if next == .kept {
            try await desk.record(.promiseKept(.init(promise: try facts(promise), action: action)), on: ticket)
        } else {
            try await recordBroken(promise, on: ticket, late: true)
        }
    }

    func cancel(_ promise: CustomerPromise, reason: String, on ticket: Ticket) async throws {
        let next = try Self.transition(promise, .cancel(reason: reason), at: now)
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        promise.state = next
        promise.resolution = "cancelled"
        promise.cancelReason = trimmed
        promise.resolvedAt = now
        promise.remindAt = nil
        try await promise.save(on: db)
        try await desk.record(.promiseCancelled(.init(promise: try facts(promise), reason: trimmed)), on: ticket)
    }

    /// Records a promise the scheduler has already claimed as broken, and alerts the owner and their leads.
    func recordBroken(_ promise: CustomerPromise, on ticket: Ticket, late: Bool = false) async throws {
        try await desk.record(.promiseBroken(.init(promise: try facts(promise), lateAction: late)), on: ticket)
        let notifier = Notifier(db: db, now: now)
        let message = "Promise broken on ticket #\(ticket.number): \(promise.kind.rawValue) “\(promise.promiseDescription)” was due \(promise.dueAt.ISO8601Format())"
        try await notifier.notify(
            [promise.ownerId] + (try await notifier.leads(of: promise.ownerId)), kind: "promise_broken", message: message,
            ticketId: promise.ticketId, subjectId: promise.id)
    }

    /// A public staff reply keeps the ticket's pending update promises that are not yet due.
    func keepUpdates(after reply: Date, on ticket: Ticket) async throws {
        let pending = try await CustomerPromise.query(on: db)
            .filter(\.$ticketId == (try ticket.requireID()))
            .filter(\.$state == .pending)
            .filter(\.$kind == .update)
            .filter(\.$dueAt >= reply)
            .all()
        for promise in pending { try await keep(promise, by: .publicReply, at: reply, on: ticket) }
    }

    /// An outbound call to the customer keeps their pending callback promises (broken when the call came late).
    func keepCallbacks(ofCustomer customerId: UUID, calledAt: Date) async throws {
        let ticketIds = try await Ticket.query(on: db).filter(\.$requesterId == customerId).all().map { try $0.requireID() }
        guard !ticketIds.isEmpty else { return }
        let pending = try await CustomerPromise.query(on: db)
            .filter(\.$ticketId ~~ ticketIds).filter(\.$state == .pending).filter(\.$kind == .callback)
            .filter(\.$createdAt <= calledAt)
            .all()
        for promise in pending {
            let ticket = try await desk.ticketForChange(promise.ticketId)
            try await keep(promise, by: .outboundCall, at: calledAt, on: ticket)
        }
    }

    /// FrontlineCore's rule, with its refusal as the API's error.
    private static func transition(_ promise: CustomerPromise, _ event: PromiseEvent, at: Date) throws -> PromiseState {
        let result = Result { () throws(PromiseRuleError) -> PromiseState in
            try PromiseRules.transition(from: promise.state, event: event, kind: promise.kind, now: at, due: promise.dueAt)
        }
        switch result {
        case .success(let state): return state
        case .failure(let error): throw PromiseError.rule(error)
        }
    }

    /// The promise as its timeline events record it.
    private func facts(_ promise: CustomerPromise) throws -> TimelineEvent.PromiseFacts {
        TimelineEvent.PromiseFacts(
            promiseId: try promise.requireID(), kind: promise.kind, description: promise.promiseDescription,
            dueAt: promise.dueAt, ownerId: promise.ownerId)
    }
}
