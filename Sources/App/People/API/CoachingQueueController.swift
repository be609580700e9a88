import Fluent
import FrontlineCore
import Vapor

/// The coaching queue (tickets worth discussing) and the "who has not been coached" report.
enum CoachingQueueController {
    struct QueueRequest: Content {
        let reason: String?
    }

    struct QueueItemDTO: Content {
        let id: UUID
        let ticketId: UUID
        let ticketNumber: Int
        let agentId: UUID?
        let raisedBy: UUID
        let reason: String
        let sessionId: UUID?
        let createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, reason
            case ticketId = "ticket_id", ticketNumber = "ticket_number", agentId = "agent_id", raisedBy = "raised_by"
            case sessionId = "session_id", createdAt = "created_at"
        }

        init(_ item: CoachingQueueItem, ticketNumber: Int) throws {
            id = try item.requireID()
            ticketId = item.ticketId
            self.ticketNumber = ticketNumber
            agentId = item.agentId
            raisedBy = item.raisedBy
            reason = item.reason
            sessionId = item.sessionId
            createdAt = item.createdAt
        }
    }

    struct QueueList: Content {
        let items: [QueueItemDTO]
    }

    /// Anyone on staff may send a ticket to the coaching queue; it is about the ticket's owner.
    @Sendable static func add(req: Request) async throws -> Response {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(QueueRequest.self)
        let dto = try await req.write { db in
            let (item, ticket) = try await RaisedFromTicket.queueForCoaching(ticketId: id, reason: input.reason, by: user, on: db, at: req.now)
            return try QueueItemDTO(item, ticketNumber: ticket.number)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Tickets waiting to be discussed: a lead sees those about their team or raised by them;
    /// managers and admins all. `?include=discussed` adds those already discussed.
    @Sendable static func list(req: Request) async throws -> QueueList {
        let viewer = try req.staff(atLeast: .lead)
        let discussed = (try? req.query.get(String.self, at: "include")) == "discussed"
        return QueueList(items: try await items(visibleTo: viewer, includeDiscussed: discussed, on: req.db))
    }

    static func items(visibleTo viewer: User, includeDiscussed: Bool = false, on db: any Database) async throws -> [QueueItemDTO] {
        let query = CoachingQueueItem.query(on: db).sort(\.$createdAt)
        if !includeDiscussed { query.filter(\.$sessionId == nil) }
        var items = try await query.all()
        if let visible = try await PeopleAccess.visiblePeople(to: viewer, on: db) {
            items = items.filter { item in item.raisedBy == viewer.id || item.agentId.map { visible.contains($0) } == true }
        }
        let tickets = try await Ticket.query(on: db).filter(\.$id ~~ items.map(\.ticketId)).all()
        let numbers = Dictionary(uniqueKeysWithValues: try tickets.map { (try $0.requireID(), $0.number) })
        return try items.map { try QueueItemDTO($0, ticketNumber: numbers[$0.ticketId] ?? 0) }
    }

    struct UncoachedPerson: Content {
        let userId: UUID
        let name: String
        let lastCoachedOn: String?

        enum CodingKeys: String, CodingKey {
            case name
            case userId = "user_id", lastCoachedOn = "last_coached_on"
        }
    }

    struct UncoachedReport: Content {
        let weeks: Int
        let since: String
        let people: [UncoachedPerson]
    }

    /// Agents of the scope with no coaching session in the last `weeks` weeks (default 4).
    @Sendable static func uncoached(req: Request) async throws -> UncoachedReport {
        let viewer = try req.staff(atLeast: .lead)
        var weeks = 4
        if let raw = try? req.query.get(String.self, at: "weeks") {
            guard let value = Int(raw), (1...104).contains(value) else {
                throw PeopleError.invalid(field: "weeks", reason: "weeks must be a whole number from 1 to 104")
            }
            weeks = value
        }
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        return try await uncoached(scope: scope, weeks: weeks, on: req.db, now: req.now)
    }

    /// Agents of the scope with no coaching session in the last `weeks` weeks.
    static func uncoached(scope: ReportScope, weeks: Int, on db: any Database, now: Date) async throws -> UncoachedReport {
        let since = Days.adding(-7 * weeks, to: Days.day(of: now))
        let agents = scope.people.filter { $0.role == .agent }
        let sessions = try await CoachingSession.query(on: db).filter(\.$agentId ~~ agents.compactMap(\.id)).all()
        let last = Dictionary(grouping: sessions, by: \.agentId).mapValues { $0.map(\.on).max() ?? "" }
        let people = try agents.compactMap { agent -> UncoachedPerson? in
            let lastOn = last[try agent.requireID()]
            if let lastOn, lastOn > since { return nil }
            return UncoachedPerson(userId: try agent.requireID(), name: agent.name, lastCoachedOn: lastOn)
        }
        return UncoachedReport(weeks: weeks, since: since, people: people)
    }
}
