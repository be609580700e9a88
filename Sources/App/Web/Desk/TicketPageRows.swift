import FrontlineCore
import Foundation
import SQLKit

/// The ticket page's reads: one bound query per table, each row decoded column by column into the
/// page's values (no model layer), in SQL both SQLite and PostgreSQL run.
struct TicketPageRows {
    let sql: any SQLDatabase

    /// The ticket, with what the loader needs to find the rest.
    struct FoundTicket {
        let facts: TicketDetailPage.TicketFacts
        let requesterId: UUID
        let organizationId: UUID?
        /// When it was solved or closed (the runaround's days open stop there).
        let endedAt: Date?
    }

    func ticket(number: Int) async throws -> FoundTicket? {
        guard let row = try await sql.select()
            .columns(
                "id", "number", "subject", "status", "priority", "channel", "requester_id", "organization_id", "owner_id", "team_id",
                "handoff_count", "created_at", "solved_at", "closed_at")
            .from(Ticket.schema).where("number", .equal, SQLBind(number)).first()
        else { return nil }
        let facts = TicketDetailPage.TicketFacts(
            id: try row.decode(column: "id", as: UUID.self), number: try row.decode(column: "number", as: Int.self),
            subject: try row.decode(column: "subject", as: String.self), status: try row.decode(column: "status", as: TicketStatus.self),
            priority: try row.decode(column: "priority", as: TicketPriority.self), channel: try row.decode(column: "channel", as: TicketChannel.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), ownerId: try row.decode(column: "owner_id", as: UUID?.self),
            teamId: try row.decode(column: "team_id", as: UUID?.self), handoffCount: try row.decode(column: "handoff_count", as: Int.self))
        return FoundTicket(
            facts: facts, requesterId: try row.decode(column: "requester_id", as: UUID.self),
            organizationId: try row.decode(column: "organization_id", as: UUID?.self),
            endedAt: try row.decode(column: "solved_at", as: Date?.self) ?? row.decode(column: "closed_at", as: Date?.self))
    }

    /// The latest `size` entries, or the `size` before entry `before`, and the messages they show:
    /// two queries.
    func timeline(ticketId: UUID, before: Int?, size: Int) async throws -> TimelinePart {
        let query = sql.select()
            .columns("id", "kind", "actor_type", "actor_id", "actor_name", "at", "data")
            .from(TicketEvent.schema).where("ticket_id", .equal, SQLBind(ticketId))
        if let before { query.where("id", .lessThan, SQLBind(before)) }
        let newestFirst = try await query.orderBy("id", .descending).limit(size + 1).all().map { row in
            TimelinePart.Entry(
                id: try row.decode(column: "id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                actorType: try row.decode(column: "actor_type", as: String.self), actorId: try row.decode(column: "actor_id", as: UUID?.self),
                actorName: try row.decode(column: "actor_name", as: String.self), at: try row.decode(column: "at", as: Date.self),
                data: try row.decode(column: "data", as: String.self))
        }
        let entries = Array(newestFirst.prefix(size).reversed())
        let messageIds = Array(Set(entries.compactMap { TimelineEvent(kind: $0.kind, data: $0.data)?.messageId }))
        let messages = messageIds.isEmpty ? [] : try await sql.select()
            .columns("id", "visibility", "author_type", "author_id", "author_name", "body", "channel", "created_at")
            .from(Message.schema).where("id", .in, SQLBind.group(messageIds)).all().map { row in
                TimelinePart.MessageEntry(
                    id: try row.decode(column: "id", as: Int.self), visibility: try row.decode(column: "visibility", as: MessageVisibility.self),
                    authorType: try row.decode(column: "author_type", as: String.self), authorId: try row.decode(column: "author_id", as: UUID?.self),
                    authorName: try row.decode(column: "author_name", as: String.self), body: try row.decode(column: "body", as: String.self),
                    channel: try row.decode(column: "channel", as: TicketChannel.self), createdAt: try row.decode(column: "created_at", as: Date.self))
            }
        return TimelinePart(
            entries: entries, messages: Dictionary(messages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            olderBefore: newestFirst.count > size ? entries.first?.id : nil, isLatest: before == nil)
    }

    /// The latest hand-off, or assignment with a note, however far back in the timeline it is
    /// (among the last 50 of those two kinds, as the page has always looked).
    func lastHandoff(ticketId: UUID) async throws -> TicketDetailPage.HandoffContext? {
        let kinds = [EventKind.handedOff.rawValue, EventKind.assigned.rawValue]
        let rows = try await sql.select().columns("kind", "actor_name", "at", "data").from(TicketEvent.schema)
            .where("ticket_id", .equal, SQLBind(ticketId)).where("kind", .in, SQLBind.group(kinds))
            .orderBy("id", .descending).limit(50).all()
        for row in rows {
            let kind = try row.decode(column: "kind", as: String.self)
            let event = TimelineEvent(kind: kind, data: try row.decode(column: "data", as: String.self))
            guard kind == EventKind.handedOff.rawValue || event?.handoff != nil else { continue }
            return TicketDetailPage.HandoffContext(
                actorName: try row.decode(column: "actor_name", as: String.self), at: try row.decode(column: "at", as: Date.self),
                note: event?.handoff?.note ?? "")
        }
        return nil
    }

    func requester(_ id: UUID) async throws -> TicketDetailPage.Requester? {
        guard let row = try await sql.select().columns("id", "name", "email", "phone").from(Customer.schema)
            .where("id", .equal, SQLBind(id)).first()
        else { return nil }
        return TicketDetailPage.Requester(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String.self), phone: try row.decode(column: "phone", as: String?.self))
    }

    func organization(_ id: UUID) async throws -> TicketDetailPage.OrganizationLink? {
        guard let row = try await sql.select().columns("id", "name").from(Organization.schema).where("id", .equal, SQLBind(id)).first()
        else { return nil }
        return TicketDetailPage.OrganizationLink(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self))
    }

    /// The requester's eight latest other tickets, newest first.
    func otherTickets(requesterId: UUID, except ticketId: UUID) async throws -> [(id: UUID, ticket: TicketDetailPage.OtherTicket)] {
        try await sql.select().columns("id", "number", "subject", "status").from(Ticket.schema)
            .where("requester_id", .equal, SQLBind(requesterId)).where("id", .notEqual, SQLBind(ticketId))
            .orderBy("number", .descending).limit(8).all().map { row in
                (
                    id: try row.decode(column: "id", as: UUID.self),
                    ticket: TicketDetailPage.OtherTicket(
                        number: try row.decode(column: "number", as: Int.self), subject: try row.decode(column: "subject", as: String.self),
                        status: try row.decode(column: "status", as: TicketStatus.self))
                )
            }
    }

    /// The requester's eight latest public contacts, on any ticket.
    func contacts(authorId: UUID) async throws -> [(at: Date, channel: TicketChannel, ticketId: UUID)] {
        try await sql.select().columns("ticket_id", "channel", "created_at").from(Message.schema)
            .where("author_id", .equal, SQLBind(authorId)).where("visibility", .equal, SQLBind(MessageVisibility.public.rawValue))
            .orderBy("id", .descending).limit(8).all().map { row in
                (
                    at: try row.decode(column: "created_at", as: Date.self), channel: try row.decode(column: "channel", as: TicketChannel.self),
                    ticketId: try row.decode(column: "ticket_id", as: UUID.self)
                )
            }
    }

    func tags(ticketId: UUID) async throws -> [String] {
        try await sql.select().column("tag").from(TicketTag.schema).where("ticket_id", .equal, SQLBind(ticketId)).all()
            .map { try $0.decode(column: "tag", as: String.self) }
    }

    struct Person {
        let id: UUID
        let name: String
        let role: UserRole
        let active: Bool
    }

    /// Everyone on staff by name, active or not: the active ones fill the forms, and every one
    /// names a promise's owner or a call's agent (who may have left since).
    func people() async throws -> [Person] {
        try await sql.select().columns("id", "name", "role", "active").from(User.schema).orderBy("name").all().map { row in
            Person(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                role: try row.decode(column: "role", as: UserRole.self), active: try row.decode(column: "active", as: Bool.self))
        }
    }

    func teams() async throws -> [TicketDetailPage.TeamChoice] {
        try await sql.select().columns("id", "name").from(Team.schema).orderBy("name").all().map { row in
            TicketDetailPage.TeamChoice(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self))
        }
    }

    /// The ticket's promises, soonest due first.
    func promises(ticketId: UUID) async throws -> [PromiseItem] {
        try await sql.select()
            .columns("id", "kind", "state", "description", "due_at", "owner_id", "made_by_name", "resolution", "resolved_at", "cancel_reason", "call_id")
            .from(CustomerPromise.schema).where("ticket_id", .equal, SQLBind(ticketId)).orderBy("due_at").all().map { row in
                PromiseItem(
                    id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: PromiseKind.self),
                    state: try row.decode(column: "state", as: PromiseState.self), description: try row.decode(column: "description", as: String.self),
                    dueAt: try row.decode(column: "due_at", as: Date.self), ownerId: try row.decode(column: "owner_id", as: UUID.self),
                    madeByName: try row.decode(column: "made_by_name", as: String.self), resolution: try row.decode(column: "resolution", as: String?.self),
                    resolvedAt: try row.decode(column: "resolved_at", as: Date?.self), cancelReason: try row.decode(column: "cancel_reason", as: String?.self),
                    fromDroppedCall: try !row.decodeNil(column: "call_id"))
            }
    }

    /// The ticket's escalations, oldest first.
    func escalations(ticketId: UUID) async throws -> [EscalationItem] {
        try await sql.select()
            .columns(
                "id", "state", "channel", "to_user_id", "to_team_id", "reason", "target_minutes", "due_at", "answered_at", "answered_by",
                "escalated_by_name")
            .from(Escalation.schema).where("ticket_id", .equal, SQLBind(ticketId)).orderBy("started_at").all().map { row in
                EscalationItem(
                    id: try row.decode(column: "id", as: UUID.self), state: try row.decode(column: "state", as: Escalation.State.self),
                    channel: try row.decode(column: "channel", as: TicketChannel.self), toUserId: try row.decode(column: "to_user_id", as: UUID?.self),
                    toTeamId: try row.decode(column: "to_team_id", as: UUID?.self), reason: try row.decode(column: "reason", as: String.self),
                    targetMinutes: try row.decode(column: "target_minutes", as: Int.self), dueAt: try row.decode(column: "due_at", as: Date.self),
                    answeredAt: try row.decode(column: "answered_at", as: Date?.self), answeredBy: try row.decode(column: "answered_by", as: String?.self),
                    escalatedByName: try row.decode(column: "escalated_by_name", as: String.self))
            }
    }

    /// The ticket's runaround counters as FrontlineCore's factors; nil when nothing is counted yet.
    func runaround(ticketId: UUID, daysOpen: Int) async throws -> (factors: RunaroundFactors, firstFlaggedAt: Date?)? {
        guard let row = try await sql.select()
            .columns(
                "handoffs", "distinct_owners", "customer_contacts", "channel_switches", "reopenings", "holds_without_wait_told",
                "broken_promises", "first_flagged_at")
            .from(TicketRunaround.schema).where("id", .equal, SQLBind(ticketId)).first()
        else { return nil }
        let factors = RunaroundFactors(
            handoffs: try row.decode(column: "handoffs", as: Int.self), distinctOwners: try row.decode(column: "distinct_owners", as: Int.self),
            customerContacts: try row.decode(column: "customer_contacts", as: Int.self),
            channelSwitches: try row.decode(column: "channel_switches", as: Int.self), reopenings: try row.decode(column: "reopenings", as: Int.self),
            holdsWithoutWaitTold: try row.decode(column: "holds_without_wait_told", as: Int.self),
            brokenPromises: try row.decode(column: "broken_promises", as: Int.self), daysOpen: daysOpen)
        return (factors, try row.decode(column: "first_flagged_at", as: Date?.self))
    }
}
