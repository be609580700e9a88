import Fluent
import Foundation

/// A group of staff who share a queue.
final class Team: Model, @unchecked Sendable {
    static let schema = "teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "description") var teamDescription: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, description: String? = nil, at: Date) {
        self.id = id
        self.name = name
        self.teamDescription = description
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $name, $teamDescription, $createdAt] }
}

/// A user's membership of a team.
final class TeamMembership: Model, @unchecked Sendable {
    static let schema = "team_memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamId: UUID
    @Field(key: "user_id") var userId: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(teamId: UUID, userId: UUID, at: Date) {
        self.teamId = teamId
        self.userId = userId
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $teamId, $userId, $createdAt] }
}
