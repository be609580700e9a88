import FrontlineCore
import Foundation

/// Everything the ticket page shows, as plain values: the timeline, the requester's side panel,
/// the journey panels and the controls. `TicketPageLoader` builds it in a fixed number of
/// queries; the view renders it without a database, so snapshot tests build one by hand. Every
/// id the view links to is non-optional: a missing one cannot silently become a random link.
struct TicketDetailPage: Sendable {
    let frame: DeskFrame
    let ticket: TicketFacts
    let tags: [String]
    /// The shown part of the timeline (the latest entries unless `?before=` asks for older ones).
    let timeline: TimelinePart
    let lastHandoff: HandoffContext?
    let requester: Requester
    let organization: OrganizationLink?
    let otherTickets: [OtherTicket]
    let contactHistory: [Contact]
    /// Active staff, by name: the owners, receivers and leads the forms offer.
    let staff: [StaffMember]
    let teams: [TeamChoice]
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

    /// The ticket's own fields the page shows.
    struct TicketFacts: Sendable {
        let id: UUID
        let number: Int
        let subject: String
        let status: TicketStatus
        let priority: TicketPriority
        let channel: TicketChannel
        let createdAt: Date
        let ownerId: UUID?
        let teamId: UUID?
        let handoffCount: Int
    }

    /// The context note of the latest hand-off (or assignment with a note), shown on top.
    struct HandoffContext: Sendable {
        let actorName: String
        let at: Date
        let note: String
    }

    struct Requester: Sendable {
        let id: UUID
        let name: String
        let email: String
        let phone: String?
    }

    struct OrganizationLink: Sendable {
        let id: UUID
        let name: String
    }

    struct OtherTicket: Sendable {
        let number: Int
        let subject: String
        let status: TicketStatus
    }

    /// One of the requester's latest public contacts; `ticketNumber` is set when it was on this
    /// ticket or one of `otherTickets` (the ones the panel can link to).
    struct Contact: Sendable {
        let at: Date
        let channel: TicketChannel
        let ticketNumber: Int?
    }

    struct StaffMember: Sendable {
        let id: UUID
        let name: String
        let role: UserRole
    }

    struct TeamChoice: Sendable {
        let id: UUID
        let name: String
    }

    var owner: StaffMember? { ticket.ownerId.flatMap { id in staff.first { $0.id == id } } }
    var team: TeamChoice? { ticket.teamId.flatMap { id in teams.first { $0.id == id } } }
    var lastEventId: Int { timeline.entries.last?.id ?? 0 }
}
