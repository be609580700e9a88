import Fluent
import FrontlineCore
import Vapor

/// Everything the ticket page shows: the timeline, the requester's side panel, the controls.
struct TicketDetailPage {
    let frame: DeskFrame
    let ticket: Ticket
    let tags: [String]
    /// The shown part of the timeline (the latest entries unless `?before=` asks for older ones).
    let window: TimelineWindow
    var events: [TicketEvent] { window.events }
    var messages: [Int: Message] { window.messages }
    let lastHandoff: TicketEvent?
    let requester: Customer
    let organization: Organization?
    let otherTickets: [Ticket]
    let contactHistory: [Message]
    let staff: [User]
    let teams: [Team]
    let settings: DeskSettings
    /// Promises, calls, escalations, SLA, runaround and entitlements (Journey/).
    let journey: TicketJourney
    /// Who is copied on the ticket's mail, and who waits to be (Mail/Participants).
    let participants: TicketParticipants.Roster
    /// What a form that worked says on the page it redirected to (`?done=`).
    var done: String?
    /// A form that failed, re-shown with its message and what was typed.
    var problem: FormProblem?

    /// Which form a problem belongs to, with the values to show again.
    struct FormProblem: Sendable {
        enum Form: String, Sendable {
            case reply, note, update, handoff
            // The journey panels and the "after this ticket" forms (Journey/).
            case promise, promiseChange = "promise-change", escalate, transferNote = "transfer-note", document
            case coaching, learning, insight, friction, kudos
            case participants
        }
        let form: Form
        let message: String
        var values: [String: String] = [:]
    }

    var owner: User? { ticket.ownerId.flatMap { id in staff.first { $0.id == id } } }
    var team: Team? { ticket.teamId.flatMap { id in teams.first { $0.id == id } } }
    var lastEventId: Int { events.last?.id ?? 0 }

    static func load(_ request: Request, number: Int, problem: FormProblem? = nil) async throws -> TicketDetailPage {
        let user = try request.deskUser()
        let db = request.db
        guard let ticket = try await Ticket.query(on: db).filter(\.$number == number).first() else {
            throw WebError.notFound("ticket")
        }
        let ticketId = try ticket.requireID()
        let frame = try await DeskFrame.load(request, user: user, active: "ticket")
        let window = try await TimelineWindow.load(ticketId: ticketId, before: try TimelineWindow.before(request), on: db)
        guard let requester = try await Customer.find(ticket.requesterId, on: db) else { throw WebError.notFound("requester") }
        let organization = try await ticket.organizationId.asyncMap { try await Organization.find($0, on: db) } ?? nil
        let otherTickets = try await Ticket.query(on: db).filter(\.$requesterId == ticket.requesterId)
            .filter(\.$id != ticketId).sort(\.$number, .descending).limit(8).all()
        let contactHistory = try await Message.query(on: db).filter(\.$authorId == ticket.requesterId)
            .filter(\.$visibility == .public).sort(\.$id, .descending).limit(8).all()
        let tags = try await TicketTag.query(on: db).filter(\.$ticketId == ticketId).all().map(\.tag).sorted()
        return TicketDetailPage(
            frame: frame, ticket: ticket, tags: tags, window: window,
            lastHandoff: try await TimelineWindow.lastHandoff(ticketId: ticketId, on: db),
            requester: requester, organization: organization, otherTickets: otherTickets,
            contactHistory: contactHistory,
            staff: try await User.query(on: db).filter(\.$active == true).sort(\.$name).all(),
            teams: try await Team.query(on: db).sort(\.$name).all(),
            settings: try await DeskSettings.load(on: db), journey: try await TicketJourney.load(ticket, request: request),
            participants: try await TicketParticipants.roster(of: ticketId, on: db),
            done: request.queryParameters["done"], problem: problem)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
