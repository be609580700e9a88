import Fluent
import FrontlineCore
import Vapor

/// The emotional load of agents' days (seed 004), from the tickets each handled that day through
/// FrontlineCore `EmotionalLoad`. A ticket counts as handled when the agent wrote a reply or note
/// on it that day, or received it by hand-off that day. Signals: the ticket's priority, an
/// `escalated` event up to the end of the day, a hand-off received that day, the `difficult` tag
/// (only staff set tags), and low satisfaction once surveys exist. Days are UTC days.
///
/// No penalty and no ranking: the result is a prompt for a lead to check in, with a kind suggestion.
enum EmotionalLoadReport {
    struct DayLoad: Content {
        let userId: UUID
        let name: String
        let date: String
        let contacts: Int
        let contactsWithSignals: Int
        let figure: Double
        let level: EmotionalLoadLevel
        let suggestion: String

        enum CodingKeys: String, CodingKey {
            case name, date, contacts, figure, level, suggestion
            case userId = "user_id", contactsWithSignals = "contacts_with_signals"
        }
    }

    static let difficultTag = "difficult"

    static func loads(for people: [User], on day: String, db: any Database) async throws -> [DayLoad] {
        let ids = try people.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let start = Days.start(of: day)
        let end = start.addingTimeInterval(86_400)
        var handled: [UUID: Set<UUID>] = [:]
        var handedTo: [UUID: Set<UUID>] = [:]
        let messages = try await Message.query(on: db).filter(\.$authorType == Actor.Kind.user.rawValue)
            .filter(\.$authorId ~~ ids).filter(\.$createdAt >= start).filter(\.$createdAt < end).all()
        for message in messages { if let author = message.authorId { handled[author, default: []].insert(message.ticketId) } }
        let handoffs = try await TicketEvent.query(on: db).filter(\.$kind == EventKind.handedOff.rawValue)
            .filter(\.$at >= start).filter(\.$at < end).all()
        for event in handoffs {
            guard case .handedOff(let change)? = event.timelineEvent, let owner = change.after.ownerId, ids.contains(owner) else { continue }
            handled[owner, default: []].insert(event.ticketId)
            handedTo[owner, default: []].insert(event.ticketId)
        }
        let ticketIds = Array(handled.values.reduce(into: Set<UUID>()) { $0.formUnion($1) })
        let tickets = try await ticketIds.isEmpty ? [] : Ticket.query(on: db).filter(\.$id ~~ ticketIds).all()
        let priorities = Dictionary(uniqueKeysWithValues: try tickets.map { (try $0.requireID(), $0.priority) })
        let difficult = try await ticketIds.isEmpty ? [] : Set(TicketTag.query(on: db).filter(\.$ticketId ~~ ticketIds)
            .filter(\.$tag == difficultTag).all().map(\.ticketId))
        let escalated = try await ticketIds.isEmpty ? [] : Set(TicketEvent.query(on: db).filter(\.$ticketId ~~ ticketIds)
            .filter(\.$kind == EventKind.escalated.rawValue).filter(\.$at < end).all().map(\.ticketId))

        return try people.map { person in
            let id = try person.requireID()
            let contacts = (handled[id] ?? []).sorted { $0.uuidString < $1.uuidString }.map { ticketId in
                ContactLoadInput(
                    priority: priorities[ticketId]?.rawValue ?? "normal", escalated: escalated.contains(ticketId),
                    handoffReceived: handedTo[id]?.contains(ticketId) == true, taggedDifficult: difficult.contains(ticketId))
            }
            let score = EmotionalLoad.daily(contacts: contacts)
            return DayLoad(
                userId: id, name: person.name, date: day, contacts: score.contacts, contactsWithSignals: score.contactsWithSignals,
                figure: score.figure, level: score.level, suggestion: suggestion(for: person.name, score: score))
        }
    }

    static func suggestion(for name: String, score: EmotionalLoadScore) -> String {
        switch score.level {
        case .heavy:
            "\(name) had a heavy day: \(score.contactsWithSignals) of \(score.contacts) contacts were difficult, escalated, handed over or urgent. A short, kind check-in could help. This is not a rating."
        case .normal:
            "\(name)'s day carried some strain (\(score.contactsWithSignals) demanding contacts). Nothing to do unless they want to talk."
        case .light:
            "A light day for \(name)."
        }
    }
}

/// `GET /users/{id}/emotional-load` (the person, their lead, managers) and
/// `GET /reports/emotional-load` (leads and up: who had a heavy day).
enum EmotionalLoadController {
    struct TeamLoad: Content {
        let date: String
        let teamId: UUID?
        let peopleChecked: Int
        /// Only those who had a heavy day, by name: a list of whom to check in with, not a ranking.
        let heavy: [EmotionalLoadReport.DayLoad]

        enum CodingKeys: String, CodingKey {
            case date, heavy
            case teamId = "team_id", peopleChecked = "people_checked"
        }
    }

    @Sendable static func person(req: Request) async throws -> EmotionalLoadReport.DayLoad {
        let viewer = try req.staff()
        let userId = try req.id("userID", of: "user")
        let user = try await PeopleAccess.user(userId, on: req.db)
        try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
        return try await EmotionalLoadReport.loads(for: [user], on: try day(req), db: req.db)[0]
    }

    @Sendable static func team(req: Request) async throws -> TeamLoad {
        let viewer = try req.staff(atLeast: .lead)
        let date = try day(req)
        let scope = try await ReportScope.resolve(req, viewer: viewer)
        let loads = try await EmotionalLoadReport.loads(for: scope.people, on: date, db: req.db)
        return TeamLoad(date: date, teamId: scope.teamId, peopleChecked: loads.count, heavy: loads.filter { $0.level == .heavy })
    }

    private static func day(_ req: Request) throws -> String {
        guard let raw = try? req.query.get(String.self, at: "date") else { return Days.day(of: req.now) }
        return try Days.parse(raw, field: "date")
    }
}
