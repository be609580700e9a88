import Foundation

extension TimelineEvent {
    /// Who has a ticket, with the names as they were at the time (the timeline shows them, and a
    /// later rename must not rewrite history). Each side is stored only when the event is about
    /// it: a first assignment records the owner alone, routing records the team alone.
    struct Ownership: Sendable, Equatable {
        var owner: Holder
        var team: Holder

        enum Holder: Sendable, Equatable {
            /// The event does not say (the key is absent).
            case unrecorded
            /// Nobody (`"owner_id": null`).
            case nobody
            /// The name is nil when the person or team could not be found.
            case named(id: UUID, name: String?)

            var id: UUID? { if case .named(let id, _) = self { id } else { nil } }
            var name: String? { if case .named(_, let name) = self { name } else { nil } }
        }

        var ownerId: UUID? { owner.id }
        var ownerName: String? { owner.name }
        var teamId: UUID? { team.id }
        var teamName: String? { team.name }
    }
}

extension TimelineEvent.Ownership: Codable {
    enum CodingKeys: String, CodingKey {
        case ownerId = "owner_id", ownerName = "owner_name", teamId = "team_id", teamName = "team_name"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        owner = try Self.holder(container, id: .ownerId, name: .ownerName)
        team = try Self.holder(container, id: .teamId, name: .teamName)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try Self.encode(owner, into: &container, id: .ownerId, name: .ownerName)
        try Self.encode(team, into: &container, id: .teamId, name: .teamName)
    }

    private static func holder(_ container: KeyedDecodingContainer<CodingKeys>, id: CodingKeys, name: CodingKeys) throws -> Holder {
        guard container.contains(id) else { return .unrecorded }
        guard let holderId = try container.decodeIfPresent(UUID.self, forKey: id) else { return .nobody }
        return .named(id: holderId, name: try container.decodeIfPresent(String.self, forKey: name))
    }

    private static func encode(_ holder: Holder, into container: inout KeyedEncodingContainer<CodingKeys>, id: CodingKeys, name: CodingKeys) throws {
        switch holder {
        case .unrecorded:
            break
        case .nobody:
            try container.encodeNil(forKey: id)
        case .named(let holderId, let holderName):
            try container.encode(holderId, forKey: id)
            if let holderName { try container.encode(holderName, forKey: name) } else { try container.encodeNil(forKey: name) }
        }
    }
}
