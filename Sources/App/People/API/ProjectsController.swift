import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/projects`: special projects people volunteer for or lead (seed 003: "volunteer for
/// special projects; don't wait to be asked"). Anyone on staff proposes one and leads it; anyone
/// volunteers themselves; the project lead or a manager adds others and records the outcome.
enum ProjectsController {
    struct CreateRequest: Content {
        let title: String?
        let description: String?
        let leadId: UUID?
        let status: ProjectStatus?

        enum CodingKeys: String, CodingKey {
            case title, description, status
            case leadId = "lead_id"
        }
    }

    struct UpdateRequest: Content {
        let title: String?
        let description: String?
        let status: ProjectStatus?
        let outcome: String?
    }

    struct MemberRequest: Content {
        let userId: UUID?
        let role: ProjectRole?

        enum CodingKeys: String, CodingKey {
            case role
            case userId = "user_id"
        }
    }

    struct ProjectList: Content {
        let projects: [ProjectDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(CreateRequest.self)
        let dto = try await req.write { db in try await dtos([try await create(input, by: user, on: db, now: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Proposes a project the author leads (managers may name another lead).
    static func create(_ input: CreateRequest, by user: User, on db: any Database, now: Date) async throws -> Project {
        let title = try PeopleInput.text(input.title, field: "title")
        let description = try PeopleInput.text(input.description, field: "description", max: 10_000)
        let leadId = try input.leadId ?? user.requireID()
        if leadId != user.id, !user.role.managesPeople {
            throw RequestError.forbidden("you can propose a project you lead; managers name other leads")
        }
        _ = try await PeopleAccess.user(leadId, on: db, field: "lead_id")
        let project = Project(title: title, description: description, leadId: leadId, status: input.status ?? .proposed, at: now)
        try await project.create(on: db)
        try await ProjectMember(projectId: try project.requireID(), userId: leadId, role: .lead, at: now).create(on: db)
        return project
    }

    @Sendable static func list(req: Request) async throws -> ProjectList {
        _ = try req.staff()
        return ProjectList(projects: try await dtos(try await Project.query(on: req.db).sort(\.$createdAt, .descending).all(), on: req.db))
    }

    @Sendable static func show(req: Request) async throws -> ProjectDTO {
        _ = try req.staff()
        return try await dtos([try await find(req, on: req.db)], on: req.db)[0]
    }

    @Sendable static func update(req: Request) async throws -> ProjectDTO {
        let user = try req.staff()
        let input = try req.content.decode(UpdateRequest.self)
        let id = try req.id("projectID", of: "project")
        return try await req.write { db in try await dtos([try await update(id, input, by: user, on: db, now: req.now)], on: db)[0] }
    }

    /// The project lead or a manager changes a project and records its outcome.
    static func update(_ id: UUID, _ input: UpdateRequest, by user: User, on db: any Database, now: Date) async throws -> Project {
        guard let project = try await Project.find(id, on: db) else { throw RequestError.notFound("project") }
        guard mayChange(project, user: user) else {
            throw RequestError.forbidden("the project lead or a manager changes a project")
        }
        if let title = input.title { project.title = try PeopleInput.text(title, field: "title") }
        if let description = input.description { project.projectDescription = try PeopleInput.text(description, field: "description", max: 10_000) }
        if let status = input.status { project.status = status }
        if let outcome = input.outcome { project.outcome = try PeopleInput.optionalText(outcome, field: "outcome") }
        project.updatedAt = now
        try await project.save(on: db)
        return project
    }

    static func mayChange(_ project: Project, user: User) -> Bool {
        project.leadId == user.id || user.role.managesPeople
    }

    /// Volunteer yourself, or (as project lead or manager) add someone.
    @Sendable static func addMember(req: Request) async throws -> Response {
        let user = try req.staff()
        let input = try req.content.decode(MemberRequest.self)
        let id = try req.id("projectID", of: "project")
        let dto = try await req.write { db in try await dtos([try await addMember(input, to: id, by: user, on: db, now: req.now)], on: db)[0] }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func addMember(_ input: MemberRequest, to id: UUID, by user: User, on db: any Database, now: Date) async throws -> Project {
        let memberId = try input.userId ?? user.requireID()
        let role = input.role ?? .volunteer
        guard let project = try await Project.find(id, on: db) else { throw RequestError.notFound("project") }
        guard (memberId == user.id && role == .volunteer) || mayChange(project, user: user) else {
            throw RequestError.forbidden("you can volunteer yourself; the project lead or a manager adds others")
        }
        _ = try await PeopleAccess.user(memberId, on: db, field: "user_id")
        if try await ProjectMember.query(on: db).filter(\.$projectId == id).filter(\.$userId == memberId).first() != nil {
            throw RequestError.conflict("that person is already on the project", field: "user_id")
        }
        try await ProjectMember(projectId: id, userId: memberId, role: role, at: now).create(on: db)
        return project
    }

    static func dtos(_ projects: [Project], on db: any Database) async throws -> [ProjectDTO] {
        guard !projects.isEmpty else { return [] }
        let members = try await ProjectMember.query(on: db).filter(\.$projectId ~~ projects.compactMap(\.id)).sort(\.$createdAt).all()
        let byProject = Dictionary(grouping: members, by: \.projectId)
        return try projects.map { project in
            try ProjectDTO(project, members: (byProject[try project.requireID()] ?? []).map { .init(userId: $0.userId, role: $0.role) })
        }
    }

    private static func find(_ req: Request, on db: any Database) async throws -> Project {
        guard let project = try await Project.find(try req.id("projectID", of: "project"), on: db) else { throw RequestError.notFound("project") }
        return project
    }
}

/// A special project with its people.
struct ProjectDTO: Content {
    struct Member: Content {
        let userId: UUID
        let role: ProjectRole

        enum CodingKeys: String, CodingKey {
            case role
            case userId = "user_id"
        }
    }

    let id: UUID
    let title: String
    let description: String
    let leadId: UUID
    let status: ProjectStatus
    let outcome: String?
    let members: [Member]
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, description, status, outcome, members
        case leadId = "lead_id", createdAt = "created_at"
    }

    init(_ project: Project, members: [Member]) throws {
        id = try project.requireID()
        title = project.title
        description = project.projectDescription
        leadId = project.leadId
        status = project.status
        outcome = project.outcome
        self.members = members
        createdAt = project.createdAt
    }
}
