import Fluent
import FrontlineCore
import Foundation

/// Starts escalations and marks them answered, inside the desk's write.
struct EscalationDesk {
    let desk: TicketDesk
    var db: any Database { desk.db }

    /// Escalates to the person and/or team with these ids (a missing one is a 422 on its field).
    func escalate(_ ticket: Ticket, toUserId: UUID?, toTeamId: UUID?, reason: String, targetMinutes: Int) async throws -> Escalation {
        var toUser: User?
        var toTeam: Team?
        if let toUserId {
            toUser = try await User.find(toUserId, on: db)
            if toUser == nil { throw RequestError.invalid("to_user_id", "no user has that id") }
        }
        if let toTeamId {
            toTeam = try await Team.find(toTeamId, on: db)
            if toTeam == nil { throw RequestError.invalid("to_team_id", "no team has that id") }
        }
        return try await escalate(ticket, toUser: toUser, toTeam: toTeam, reason: reason, targetMinutes: targetMinutes)
    }

    /// Escalates: hands the ticket to the person or team (the reason is the context note) and
    /// starts the escalation's clock.
    func escalate(_ ticket: Ticket, toUser: User?, toTeam: Team?, reason rawReason: String, targetMinutes: Int) async throws -> Escalation {
        try desk.ensureOpenForChange(ticket)
        guard let reason = HandoffRule.contextNote(rawReason), reason.unicodeScalars.count <= 2000 else {
            throw RequestError.invalid("reason", "an escalation needs a reason of 1 to 2000 characters")
        }
        guard (1...525_600).contains(targetMinutes) else {
            throw RequestError.invalid("target_minutes", "target_minutes must be from 1 to 525600")
        }
        if toUser != nil || toTeam != nil {
            do {
                try await desk.handOff(ticket, toUser: toUser, toTeam: toTeam, note: "Escalated: \(reason)")
            } catch TicketError.sameOwner {
                // Already with them: the escalation still starts its clock.
            }
        }
        let escalation = Escalation(
            ticketId: try ticket.requireID(), toUserId: try toUser?.requireID(), toTeamId: try toTeam?.requireID(),
            ownerId: try toUser?.requireID() ?? ticket.ownerId, reason: reason, channel: ticket.channel,
            targetMinutes: targetMinutes, startedAt: desk.now, escalatedBy: desk.actor)
        try await escalation.create(on: db)
        try await desk.record(.escalated(.init(
            escalationId: try escalation.requireID(), reason: reason, toUserId: escalation.toUserId, toTeamId: escalation.toTeamId,
            channel: escalation.channel, dueAt: escalation.dueAt)), on: ticket)
        return escalation
    }

    /// A public staff reply answers escalations on written channels, never on the phone.
    func answerInWriting(ticket: Ticket) async throws {
        try await answer(ticket: ticket, phone: false, by: "public_reply")
    }

    /// A logged outbound call or a promise to call back answers escalations of phone tickets.
    func answerOnPhone(ticket: Ticket, by action: String, at: Date? = nil) async throws {
        try await answer(ticket: ticket, phone: true, by: action, at: at)
    }

    private func answer(ticket: Ticket, phone: Bool, by action: String, at: Date? = nil) async throws {
        let when = at ?? desk.now
        let waiting = try await Escalation.query(on: db)
            .filter(\.$ticketId == (try ticket.requireID()))
            .filter(\.$state ~~ [.open, .breached])
            .filter(\.$answeredAt == nil)
            .all()
        for escalation in waiting where (escalation.channel == .phone) == phone && escalation.startedAt <= when {
            let late = escalation.state == .breached || when > escalation.dueAt
            escalation.answeredAt = when
            escalation.answeredBy = action
            // A late answer does not undo the breach.
            if escalation.state == .open && !late { escalation.state = .answered }
            try await escalation.save(on: db)
            try await desk.record(.escalationAnswered(.init(escalationId: try escalation.requireID(), by: action, late: late)), on: ticket)
        }
    }

    /// Records a breach the scheduler has claimed and alerts the escalation's owner and their leads.
    func recordBreach(_ escalation: Escalation, on ticket: Ticket) async throws {
        try await desk.record(.escalationBreached(.init(
            escalationId: try escalation.requireID(), dueAt: escalation.dueAt, channel: escalation.channel)), on: ticket)
        let notifier = Notifier(db: db, now: desk.now)
        var recipients: [UUID] = []
        if let owner = escalation.ownerId ?? ticket.ownerId {
            recipients.append(owner)
            recipients += try await notifier.leads(of: owner)
        }
        if let teamId = escalation.toTeamId {
            let members = try await TeamMembership.query(on: db).filter(\.$teamId == teamId).all().map(\.userId)
            let leads = try await User.query(on: db).filter(\.$id ~~ members).filter(\.$role ~~ [UserRole.lead, .manager, .admin]).all()
            recipients += try leads.map { try $0.requireID() }
        }
        try await notifier.notify(
            recipients, kind: "escalation_breached",
            message: "Escalation on ticket #\(ticket.number) unanswered past its \(escalation.targetMinutes)-minute target (\(escalation.channel.rawValue) customer)",
            ticketId: escalation.ticketId, subjectId: escalation.id)
    }
}
