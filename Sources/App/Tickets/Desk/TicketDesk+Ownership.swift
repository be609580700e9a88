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
        try await record(.assigned, on: ticket, [
            "before": .object(["owner_id": .null]),
            "after": .object(["owner_id": .string(try owner.requireID().uuidString), "owner_name": .string(owner.name)]),
        ])
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
        try await record(isHandoff ? .handedOff : .assigned, on: ticket, [
            "before": before, "after": after, "note": note.map { .string($0) } ?? .null,
            "note_missing": .bool(note == nil), "handoff_count": .number(Double(ticket.handoffCount)),
        ])
        if ticket.status == .new, newOwner != nil { try await changeStatus(of: ticket, to: .open) }
        ticket.updatedAt = now
        try await ticket.save(on: db)
    }

    /// Owner and team with their names, as the timeline shows them.
    private func ownership(owner: UUID?, team: UUID?) async throws -> JSONValue {
        var fields: [String: JSONValue] = ["owner_id": .null, "team_id": .null]
        if let owner {
            fields["owner_id"] = .string(owner.uuidString)
            fields["owner_name"] = try await User.find(owner, on: db).map { .string($0.name) } ?? .null
        }
        if let team {
            fields["team_id"] = .string(team.uuidString)
            fields["team_name"] = try await Team.find(team, on: db).map { .string($0.name) } ?? .null
        }
        return .object(fields)
    }
}
