import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/sla-policies`: targets per priority, organization or tag. Staff read; managers and
/// admins write. A policy applies to tickets created after it; running clocks keep their targets.
enum SLAPoliciesController {
    struct PolicyRequest: Content {
        let name: String
        let priority: TicketPriority?
        let organizationId: UUID?
        let tag: String?
        let firstResponseMinutes: Int?
        let nextResponseMinutes: Int?
        let resolutionMinutes: Int?
        let warningMinutes: Int?
        let calendarId: UUID?
        let position: Int?

        enum CodingKeys: String, CodingKey {
            case name, priority, tag, position
            case organizationId = "organization_id", firstResponseMinutes = "first_response_minutes"
            case nextResponseMinutes = "next_response_minutes", resolutionMinutes = "resolution_minutes"
            case warningMinutes = "warning_minutes", calendarId = "calendar_id"
        }
    }

    struct PolicyDTO: Content {
        let id: UUID
        let name: String
        let priority: String?
        let organizationId: UUID?
        let tag: String?
        let firstResponseMinutes: Int?
        let nextResponseMinutes: Int?
        let resolutionMinutes: Int?
        let warningMinutes: Int
        let calendarId: UUID?
        let position: Int

        enum CodingKeys: String, CodingKey {
            case id, name, priority, tag, position
            case organizationId = "organization_id", firstResponseMinutes = "first_response_minutes"
            case nextResponseMinutes = "next_response_minutes", resolutionMinutes = "resolution_minutes"
            case warningMinutes = "warning_minutes", calendarId = "calendar_id"
        }

        init(_ policy: SLAPolicyRecord) throws {
            id = try policy.requireID()
            name = policy.name
            priority = policy.priority
            organizationId = policy.organizationId
            tag = policy.tag
            firstResponseMinutes = policy.firstResponseMinutes
            nextResponseMinutes = policy.nextResponseMinutes
            resolutionMinutes = policy.resolutionMinutes
            warningMinutes = policy.warningMinutes
            calendarId = policy.calendarId
            position = policy.position
        }
    }

    struct PolicyList: Content {
        let policies: [PolicyDTO]
    }

    @Sendable static func list(req: Request) async throws -> PolicyList {
        _ = try req.staff()
        let rows = try await SLAPolicyRecord.query(on: req.db).sort(\.$position).sort(\.$createdAt).all()
        return PolicyList(policies: try rows.map(PolicyDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> PolicyDTO {
        _ = try req.staff()
        return try PolicyDTO(try await find(req, on: req.db))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(PolicyRequest.self)
        let dto = try await req.write { db in
            let policy = SLAPolicyRecord()
            policy.createdAt = req.now
            try await apply(input, to: policy, at: req.now, on: db)
            try await policy.create(on: db)
            let dto = try PolicyDTO(policy)
            try await AuditLog.record(.slaPolicyCreated, by: .init(actor), subject: "sla_policy", id: dto.id.uuidString, after: dto, at: req.now, on: db)
            return dto
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Replaces the policy (a PUT-like PATCH: send every field you want to keep).
    @Sendable static func update(req: Request) async throws -> PolicyDTO {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(PolicyRequest.self)
        return try await req.write { db in
            let policy = try await find(req, on: db)
            let before = try PolicyDTO(policy)
            try await apply(input, to: policy, at: req.now, on: db)
            try await policy.save(on: db)
            let after = try PolicyDTO(policy)
            try await AuditLog.record(.slaPolicyChanged, by: .init(actor), subject: "sla_policy", id: after.id.uuidString, before: before, after: after, at: req.now, on: db)
            return after
        }
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let actor = try req.staff(atLeast: .manager)
        try await req.write { db in
            let policy = try await find(req, on: db)
            let before = try PolicyDTO(policy)
            try await policy.delete(on: db)
            try await AuditLog.record(.slaPolicyDeleted, by: .init(actor), subject: "sla_policy", id: before.id.uuidString, before: before, at: req.now, on: db)
        }
        return .noContent
    }

    private static func apply(_ input: PolicyRequest, to policy: SLAPolicyRecord, at now: Date, on db: any Database) async throws {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.unicodeScalars.count) else { throw RequestError.invalid("name", "name must be 1 to 200 characters") }
        let targets = [
            ("first_response_minutes", input.firstResponseMinutes), ("next_response_minutes", input.nextResponseMinutes),
            ("resolution_minutes", input.resolutionMinutes),
        ]
        for (field, value) in targets {
            if let value, !(1...525_600).contains(value) { throw RequestError.invalid(field, "\(field) must be from 1 to 525600") }
        }
        guard targets.contains(where: { $0.1 != nil }) else {
            throw RequestError.invalid("first_response_minutes", "a policy needs at least one target")
        }
        let warning = input.warningMinutes ?? 15
        guard (0...10_080).contains(warning) else { throw RequestError.invalid("warning_minutes", "warning_minutes must be from 0 to 10080") }
        var tag: String?
        if let raw = input.tag { tag = try TicketInput.tags([raw]).first }
        if let organizationId = input.organizationId { try await CustomersController.checkOrganization(organizationId, on: db) }
        if let calendarId = input.calendarId, try await BusinessCalendarRecord.find(calendarId, on: db) == nil {
            throw RequestError.invalid("calendar_id", "no business calendar has that id")
        }
        policy.name = name
        policy.priority = input.priority?.rawValue
        policy.organizationId = input.organizationId
        policy.tag = tag
        policy.firstResponseMinutes = input.firstResponseMinutes
        policy.nextResponseMinutes = input.nextResponseMinutes
        policy.resolutionMinutes = input.resolutionMinutes
        policy.warningMinutes = warning
        policy.calendarId = input.calendarId
        policy.position = input.position ?? 0
        policy.updatedAt = now
    }

    private static func find(_ req: Request, on db: any Database) async throws -> SLAPolicyRecord {
        guard let policy = try await SLAPolicyRecord.find(try req.id("policyID", of: "SLA policy"), on: db) else {
            throw RequestError.notFound("SLA policy")
        }
        return policy
    }
}
