import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// Takes in call events and keeps each call's record and its consequences in step with the set of
/// events received so far: `CallIntake` stores events (the webhook), `derive` brings a call up to
/// date (CallDerivationQueue, right after). Every consequence (attaching the ticket, hold events, hand-offs, the
/// callback promise of a dropped call, keeping callback promises) is done once, marked on the call
/// or hold or transfer row, so a duplicate or a late event never repeats one.
struct CallDesk {
    let db: any Database
    let now: Date
    let droppedCallWindow: TimeInterval
    let reminderLead: TimeInterval

    private var desk: TicketDesk { TicketDesk(on: db, actor: .system, at: now) }

    /// Rebuilds the call from all its events and does what has not been done yet.
    func derive(callRef: String) async throws -> PhoneCall {
        let call = try await lockedCall(callRef)
        let events = try await CallEventRecord.query(on: db).filter(\.$callRef == callRef).all()
        let facts = events.compactMap { record in
            CallEventFact.Kind(rawValue: record.type).map {
                CallEventFact(id: record.eventId, kind: $0, at: record.at, toldWaitSeconds: record.toldWaitSeconds, outcome: record.outcome)
            }
        }
        let timeline = CallTimeline(events: facts)
        let byId = Dictionary(events.map { ($0.eventId, $0) }, uniquingKeysWith: { first, _ in first })
        let started = events.filter { $0.type == CallEventFact.Kind.started.rawValue }.min { $0.at < $1.at }

        call.startedAt = timeline.startedAt
        call.endedAt = timeline.endedAt
        call.outcome = timeline.outcome
        call.talkSeconds = timeline.talkSeconds
        call.updatedAt = now
        if call.ticketId == nil, let started {
            try await attach(call, started: started)
        }
        guard let ticketId = call.ticketId else {
            try await call.save(on: db)
            return call
        }
        let ticket = try await desk.ticketForChange(ticketId)
        let callId = try call.requireID()

        if call.direction == "outbound", !call.outboundApplied, let calledAt = timeline.startedAt, let customerId = call.customerId {
            call.outboundApplied = true
            try await PromiseBook(desk: desk).keepCallbacks(ofCustomer: customerId, calledAt: calledAt)
            try await EscalationDesk(desk: desk).answerOnPhone(ticket: ticket, by: "outbound_call", at: calledAt)
        }
        try await applyHolds(timeline.holds, callId: callId, ticket: ticket)
        try await applyTransfers(timeline.transferIDs.compactMap { byId[$0] }, callId: callId, ticket: ticket)
        if let endedAt = timeline.endedAt, !call.endApplied {
            call.endApplied = true
            try await desk.record(.callEnded(.init(
                callId: callId, outcome: timeline.outcome ?? "", talkSeconds: timeline.talkSeconds, holds: timeline.holds.count)), on: ticket)
            if timeline.outcome == "dropped" {
                try await promiseCallback(call, endedAt: endedAt, ticket: ticket)
            }
        }
        try await call.save(on: db)
        return call
    }

    /// The call row, created on its first event; locked on PostgreSQL so concurrent events of one
    /// call derive one after the other.
    private func lockedCall(_ ref: String) async throws -> PhoneCall {
        let sql = try db.sql
        try await insertCall(ref)
        _ = try await sql.select().column("id").from(PhoneCall.schema).where("external_id", .equal, SQLBind(ref)).for(.update).all()
        guard let call = try await PhoneCall.query(on: db).filter(\.$externalId == ref).first() else {
            throw Abort(.internalServerError, reason: "call \(ref) vanished right after it was stored")
        }
        return call
    }

    /// The call's row, made by its first event whichever that is.
    private func insertCall(_ ref: String) async throws {
        try await db.sql.insert(into: PhoneCall.schema)
            .columns("id", "external_id", "outbound_applied", "end_applied", "created_at", "updated_at")
            .values(SQLBind(UUID()), SQLBind(ref), SQLBind(false), SQLBind(false), SQLBind(now), SQLBind(now))
            .ignoringConflicts(with: ["external_id"])
            .run()
    }

    /// Finds the customer by phone (or makes a placeholder for an unknown number) and their most
    /// recent unresolved ticket (or opens a phone ticket).
    private func attach(_ call: PhoneCall, started: CallEventRecord) async throws {
        guard let phone = started.customerPhone else { return }
        let customer = try await customer(phone: phone)
        let customerId = try customer.requireID()
        var isNew = false
        let ticket: Ticket
        if let open = try await Ticket.query(on: db).filter(\.$requesterId == customerId)
            .filter(\.$status ~~ TicketStatus.allCases.filter(\.isUnresolved)).sort(\.$number, .descending).first()
        {
            ticket = try await desk.ticketForChange(try open.requireID())
        } else {
            isNew = true
            ticket = try await desk.create(TicketDesk.NewTicket(
                subject: "Phone call from \(phone)",
                body: "\(started.direction == "outbound" ? "Outbound" : "Inbound") phone call at \(started.at.ISO8601Format()).",
                requesterEmail: customer.email, requesterName: customer.name, channel: .phone))
        }
        var agent: User?
        if let email = started.agentEmail {
            agent = try await User.query(on: db).filter(\.$emailNormalized == email).first()
        }
        call.ticketId = try ticket.requireID()
        call.customerId = customerId
        call.customerPhone = phone
        call.direction = started.direction
        call.agentId = agent?.id
        try await call.save(on: db)
        try await desk.record(.callStarted(.init(
            callId: try call.requireID(), direction: started.direction ?? "inbound", agentId: agent?.id, customerPhone: phone,
            // The ticket's creation already counted a new ticket's first contact.
            countsAsContact: started.direction == "inbound" && !isNew)), on: ticket)
        if ticket.ownerId == nil, let agent, agent.active {
            try await desk.assign(ticket, to: agent)
        }
    }

    private func customer(phone: String) async throws -> Customer {
        if let known = try await Customer.query(on: db).filter(\.$phoneNormalized == phone).sort(\.$createdAt).first() {
            return known
        }
        let digits = phone.dropFirst()
        let customer = try await CustomerDirectory.findOrCreate(
            email: "phone-\(digits)@phone.invalid", name: "Caller \(phone)", on: db, at: now)
        customer.phone = phone
        customer.phoneNormalized = phone
        try await customer.save(on: db)
        return customer
    }

    private func applyHolds(_ holds: [CallTimeline.Hold], callId: UUID, ticket: Ticket) async throws {
        guard !holds.isEmpty else { return }
        let existing = try await CallHold.query(on: db).filter(\.$callId == callId).all()
        let byRef = Dictionary(existing.map { ($0.holdRef, $0) }, uniquingKeysWith: { first, _ in first })
        for hold in holds {
            let row = byRef[hold.id] ?? CallHold()
            if row.id == nil {
                row.callId = callId
                row.holdRef = hold.id
                row.reportedWithoutWait = false
                row.reportedOverran = false
            }
            row.startedAt = hold.start
            row.endedAt = hold.end
            row.toldWaitSeconds = hold.toldWaitSeconds
            row.enduredSeconds = hold.enduredSeconds
            let report = TimelineEvent.HoldReport(
                callId: callId, holdStartedAt: hold.start, toldWaitSeconds: hold.toldWaitSeconds, enduredSeconds: hold.enduredSeconds)
            if hold.withoutWaitTold && !row.reportedWithoutWait {
                row.reportedWithoutWait = true
                try await desk.record(.holdWithoutWaitTold(report), on: ticket)
            }
            if hold.overran && !row.reportedOverran {
                row.reportedOverran = true
                try await desk.record(.holdOverran(report), on: ticket)
            }
            try await row.save(on: db)
        }
    }

    private func applyTransfers(_ events: [CallEventRecord], callId: UUID, ticket: Ticket) async throws {
        guard !events.isEmpty else { return }
        let done = Set(try await CallTransfer.query(on: db).filter(\.$callId == callId).all().map(\.transferRef))
        for event in events where !done.contains(event.eventId) {
            var toUser: User?
            var toTeam: Team?
            if let email = event.toUserEmail { toUser = try await User.query(on: db).filter(\.$emailNormalized == email).first() }
            if let teamId = event.toTeamId { toTeam = try await Team.find(teamId, on: db) }
            let transfer = CallTransfer()
            transfer.callId = callId
            transfer.transferRef = event.eventId
            transfer.at = event.at
            transfer.toUserId = toUser?.id
            transfer.toTeamId = toTeam?.id
            try await transfer.create(on: db)
            guard toUser != nil || toTeam != nil else { continue }
            do {
                // Live on the call there is no time to write the note; it follows (see the note endpoint).
                try await desk.handOff(ticket, toUser: toUser, toTeam: toTeam, note: nil, noteFollows: true)
            } catch TicketError.sameOwner {
                // Transferred to whoever already had the ticket: nothing changes hands.
            }
        }
    }

    /// A dropped call becomes a callback promise owned by the agent who had the call last.
    private func promiseCallback(_ call: PhoneCall, endedAt: Date, ticket: Ticket) async throws {
        guard call.callbackPromiseId == nil, ticket.status != .closed else { return }
        let lastTransfer = try await CallTransfer.query(on: db).filter(\.$callId == (try call.requireID()))
            .filter(\.$toUserId != nil).sort(\.$at, .descending).first()
        guard let owner = lastTransfer?.toUserId ?? call.agentId ?? ticket.ownerId else { return }
        let promise = try await PromiseBook(desk: desk).make(
            on: ticket, kind: .callback, description: "Call the customer back: the call dropped",
            dueAt: PromiseRules.droppedCallCallbackDue(endedAt: endedAt, within: droppedCallWindow), ownerId: owner,
            reminderLead: reminderLead, callId: call.id, answersEscalations: false)
        call.callbackPromiseId = promise.id
    }
}
