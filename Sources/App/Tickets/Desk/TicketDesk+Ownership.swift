import Fluent
import FrontlineCore
import Foundation

extension TicketDesk {
    /// Gives an unowned ticket its first owner. Changing an existing owner is a hand-off.
    func assign(_ ticket: Ticket, to owner: User) async throws {
        try ensureOpenForChange(ticket)
        guard ticket.ownerId == nil else { throw TicketError.alreadyOwned(number: ticket.number) }
        guard owner.active else { throw TicketError.invalid(field: "owner_id", reason: "\(owner.name) is deactivated") }
        ticket.ownerId = try owner.requireID()
        try await record(.assigned(.init(
            before: .init(owner: .nobody, team: .unrecorded),
            after: .init(owner: .named(id: try owner.requireID(), name: owner.name), team: .unrecorded))), on: ticket)
        if ticket.status == .new { try await changeStatus(of: ticket, to: .open) }
        ticket.updatedAt = now
        try await ticket.save(on: db)
    }

    /// Moves a ticket to another owner and/or team with the context note the receiver needs.
    ///
    /// Handing to a team alone leaves the ticket unowned in that team's queue; handing to a person
    /// keeps the team unless one is named. Only a change of an existing owner or team counts as a
    /// hand-off; routing a ticket that had neither is recorded as its assignment.
    ///
    /// `noteFollows` is for hand-offs made live on a phone call (a transfer): the agent writes the
    /// note afterwards, and until then the timeline shows it as missing.
    func handOff(_ ticket: Ticket, toUser: User?, toTeam: Team?, note rawNote: String?, noteFollows: Bool = false) async throws {
        try ensureOpenForChange(ticket)
        guard toUser != nil || toTeam != nil else { throw TicketError.nothingToHandOff }
        let note = HandoffRule.contextNote(rawNote)
        if note == nil && !noteFollows { throw TicketError.noteRequired }
        if let toUser, !toUser.active {
            throw TicketError.invalid(field: "to_user_id", reason: "\(toUser.name) is deactivated")
        }
        let newOwner = try toUser?.requireID() ?? (toTeam == nil ? ticket.ownerId : nil)
        let newTeam = try toTeam?.requireID() ?? ticket.teamId
        guard newOwner != ticket.ownerId || newTeam != ticket.teamId else { throw TicketError.sameOwner }

        let isHandoff = ticket.ownerId != nil || ticket.teamId != nil
        let before = try await ownership(owner: ticket.ownerId, team: ticket.teamId)
        let after = try await ownership(owner: newOwner, team: newTeam)
        ticket.ownerId = newOwner
        ticket.teamId = newTeam
        if isHandoff { ticket.handoffCount += 1 }
        let change = TimelineEvent.OwnershipChange(
            before: before, after: after, handoff: .init(note: note, noteMissing: note == nil, count: ticket.handoffCount))
        try await record(isHandoff ? .handedOff(change) : .assigned(change), on: ticket)
        if ticket.status == .new, newOwner != nil { try await changeStatus(of: ticket, to: .open) }
        ticket.updatedAt = now
        try await ticket.save(on: db)
    }

    /// Owner and team with their names, as the timeline shows them.
    private func ownership(owner: UUID?, team: UUID?) async throws -> TimelineEvent.Ownership {
        var ownership = TimelineEvent.Ownership(owner: .nobody, team: .nobody)
        if let owner { ownership.owner = .named(id: owner, name: try await User.find(owner, on: db)?.name) }
        if let team { ownership.team = .named(id: team, name: try await Team.find(team, on: db)?.name) }
        return ownership
    }
}
