import Fluent
import Foundation

/// Recognition given to a person, linked to what earned it.
final class Kudos: Model, @unchecked Sendable {
    static let schema = "kudos"

    @ID(key: .id) var id: UUID?
    @Field(key: "to_user_id") var toUserId: UUID
    /// The colleague who gave it; for customer kudos, the lead who recorded it.
    @Field(key: "from_user_id") var fromUserId: UUID
    @Enum(key: "source") var source: KudosSource
    @OptionalEnum(key: "value") var value: KudosValue?
    @Field(key: "message") var message: String
    /// The customer's own words, for kudos from customers.
    @OptionalField(key: "quote") var quote: String?
    @OptionalField(key: "ticket_id") var ticketId: UUID?
    @OptionalField(key: "message_id") var messageId: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(toUserId: UUID, fromUserId: UUID, source: KudosSource, value: KudosValue?, message: String,
         quote: String?, ticketId: UUID?, messageId: Int?, at: Date) {
        self.toUserId = toUserId
        self.fromUserId = fromUserId
        self.source = source
        self.value = value
        self.message = message
        self.quote = quote
        self.ticketId = ticketId
        self.messageId = messageId
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $toUserId, $fromUserId, $source, $value, $message, $quote, $ticketId, $messageId, $createdAt
        ]
    }
}

/// A skill of the department's catalogue.
final class Skill: Model, @unchecked Sendable {
    static let schema = "skills"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// Lowercased name: the unique key.
    @Field(key: "name_normalized") var nameNormalized: String
    @Enum(key: "kind") var kind: SkillKind
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, kind: SkillKind, at: Date) {
        self.id = id
        self.name = name
        self.nameNormalized = name.lowercased()
        self.kind = kind
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $name, $nameNormalized, $kind, $createdAt] }
}

/// A person's level in a skill: self-assessed, and confirmed by a lead or manager.
final class UserSkill: Model, @unchecked Sendable {
    static let schema = "user_skills"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "skill_id") var skillId: UUID
    @Field(key: "self_level") var selfLevel: Int
    @OptionalField(key: "confirmed_level") var confirmedLevel: Int?
    @OptionalField(key: "confirmed_by") var confirmedBy: UUID?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(userId: UUID, skillId: UUID, selfLevel: Int, at: Date) {
        self.userId = userId
        self.skillId = skillId
        self.selfLevel = selfLevel
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userId, $skillId, $selfLevel, $confirmedLevel, $confirmedBy, $confirmedAt, $updatedAt] }
}

/// A special project people volunteer for or lead.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var projectDescription: String
    @Field(key: "lead_id") var leadId: UUID
    @Enum(key: "status") var status: ProjectStatus
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(title: String, description: String, leadId: UUID, status: ProjectStatus, at: Date) {
        self.title = title
        self.projectDescription = description
        self.leadId = leadId
        self.status = status
        self.createdAt = at
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $title, $projectDescription, $leadId, $status, $outcome, $createdAt, $updatedAt] }
}

/// A person on a project.
final class ProjectMember: Model, @unchecked Sendable {
    static let schema = "project_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectId: UUID
    @Field(key: "user_id") var userId: UUID
    @Enum(key: "role") var role: ProjectRole
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(projectId: UUID, userId: UUID, role: ProjectRole, at: Date) {
        self.projectId = projectId
        self.userId = userId
        self.role = role
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $projectId, $userId, $role, $createdAt] }
}

/// A promotion or a move, recorded as a success of the department.
final class CareerMove: Model, @unchecked Sendable {
    static let schema = "career_moves"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userId: UUID
    @Field(key: "on") var on: String
    @Enum(key: "kind") var kind: CareerMoveKind
    @OptionalField(key: "from_title") var fromTitle: String?
    @Field(key: "to_title") var toTitle: String
    /// The department moved into; nil while within customer service.
    @OptionalField(key: "department") var department: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $userId, $on, $kind, $fromTitle, $toTitle, $department, $note, $recordedBy, $createdAt] }
}
