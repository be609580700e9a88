import Fluent
import FrontlineCore
import Vapor

/// `POST /api/v1/tickets/{id}/escalations` and `GET /api/v1/escalations`.
enum EscalationsController {
    struct EscalateRequest: Content {
        let toTeamId: UUID?
        let toUserId: UUID?
        let reason: String
        let targetMinutes: Int?

        enum CodingKeys: String, CodingKey {
            case reason
            case toTeamId = "to_team_id", toUserId = "to_user_id", targetMinutes = "target_minutes"
        }
    }

    struct EscalationDTO: Content {
        let id: UUID
        let ticketId: UUID
        let toUserId: UUID?
        let toTeamId: UUID?
        let ownerId: UUID?
        let reason: String
        let channel: TicketChannel
        let targetMinutes: Int
        let startedAt: Date
        let dueAt: Date
        let state: Escalation.State
        let answeredAt: Date?
        let answeredBy: String?
        let breachedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, reason, channel, state
            case ticketId = "ticket_id", toUserId = "to_user_id", toTeamId = "to_team_id", ownerId = "owner_id"
            case targetMinutes = "target_minutes", startedAt = "started_at", dueAt = "due_at"
            case answeredAt = "answered_at", answeredBy = "answered_by", breachedAt = "breached_at"
        }

        init(_ escalation: Escalation) throws {
            id = try escalation.requireID()
            ticketId = escalation.ticketId
            toUserId = escalation.toUserId
            toTeamId = escalation.toTeamId
            ownerId = escalation.ownerId
            reason = escalation.reason
            channel = escalation.channel
            targetMinutes = escalation.targetMinutes
            startedAt = escalation.startedAt
            dueAt = escalation.dueAt
            state = escalation.state
            answeredAt = escalation.answeredAt
            answeredBy = escalation.answeredBy
            breachedAt = escalation.breachedAt
        }
    }

    struct EscalationList: Content {
        let escalations: [EscalationDTO]
    }

    /// The target is in wall-clock minutes (default `FRONTLINE_ESCALATION_TARGET_MINUTES`, 60):
    /// an escalation is urgent by nature and its customer waits in real time.
    @Sendable static func escalate(req: Request) async throws -> Response {
        let user = try req.staff()
        let id = try req.id("ticketID", of: "ticket")
        let input = try req.content.decode(EscalateRequest.self)
        let target = input.targetMinutes ?? req.application.frontlineConfig.escalationTargetMinutes
        let dto = try await req.write { db in
            let desk = TicketDesk(on: db, actor: .user(user), at: req.now)
            let ticket = try await desk.ticketForChange(id)
            let escalation = try await EscalationDesk(desk: desk).escalate(
                ticket, toUserId: input.toUserId, toTeamId: input.toTeamId, reason: input.reason, targetMinutes: target)
            return try EscalationDTO(escalation)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func list(req: Request) async throws -> EscalationList {
        _ = try req.staff()
        let query = Escalation.query(on: req.db)
        if let raw = try? req.query.get(String.self, at: "state") {
            guard let state = Escalation.State(rawValue: raw) else {
                throw RequestError.invalid("state", "state must be open, answered or breached")
            }
            query.filter(\.$state == state)
        }
        if let ticketId = try PromisesController.uuid(req, "ticket_id") { query.filter(\.$ticketId == ticketId) }
        return EscalationList(escalations: try await query.sort(\.$dueAt).limit(500).all().map(EscalationDTO.init))
    }
}
