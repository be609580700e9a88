@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// A phone system for tests: signs call events the way a real one does.
struct TestPhoneSystem {
    static let secret = "test-calls-secret-0123456789"
    let desk: TestDesk

    init(_ desk: TestDesk) {
        self.desk = desk
        desk.app.frontlineConfig.callsWebhookSecret = Self.secret
    }

    /// Sends one event, signed at `signedAt` (now by default) unless `signature` overrides it, then
    /// derives the queued calls as the server's worker would right after (unless `derive` is false).
    @discardableResult
    func send(
        _ event: [String: JSON], signedAt: Date = Date(), signature: String? = nil, timestamp: String? = nil, unsigned: Bool = false,
        derive: Bool = true
    ) async throws -> TestingHTTPResponse {
        let body = JSONValue.object(event).storedText
        var headers = HTTPHeaders()
        headers.contentType = .json
        if !unsigned {
            let seconds = Int64(signedAt.timeIntervalSince1970)
            headers.add(name: "X-Frontline-Timestamp", value: timestamp ?? String(seconds))
            headers.add(name: "X-Frontline-Signature", value: signature ?? WebhookSignature.sign(body: Data(body.utf8), timestamp: seconds, secret: Self.secret))
        }
        let response = try await desk.app.testing().sendRequest(.POST, "/api/v1/calls/events", headers: headers, body: ByteBuffer(string: body))
        if derive { try await CallDerivationQueue(app: desk.app).drain() }
        return response
    }

    static func event(
        _ id: String, _ type: String, call: String, at: Date, _ extra: [String: JSON] = [:]
    ) -> [String: JSON] {
        var fields: [String: JSON] = [
            "id": .string(id), "type": .string(type), "call_id": .string(call), "at": .string(at.ISO8601Format()),
        ]
        fields.merge(extra) { $1 }
        return fields
    }
}

extension TestDesk {
    var scheduler: Scheduler { Scheduler(app: app) }

    func events(of ticketId: UUID, token: String) async throws -> [EventDTO] {
        try await send(.GET, "/api/v1/tickets/\(ticketId)/events", token: token).decoded(EventList.self).events
    }

    func ticket(_ id: UUID, token: String) async throws -> TicketDTO {
        try await send(.GET, "/api/v1/tickets/\(id)", token: token).decoded(TicketDTO.self)
    }

    func notifications(token: String) async throws -> [NotificationsController.NotificationDTO] {
        try await send(.GET, "/api/v1/notifications", token: token).decoded(NotificationsController.NotificationList.self).notifications
    }

    /// Makes a team with the given members through the API.
    func team(_ name: String, members: [User], manager: String) async throws -> TeamDTO {
        let team = try await send(.POST, "/api/v1/teams", token: manager, json: ["name": name]).decoded(TeamDTO.self)
        for member in members {
            let added = try await send(.POST, "/api/v1/teams/\(team.id)/members", token: manager, json: ["user_id": try member.requireID()])
            #expect(added.status == .ok || added.status == .created || added.status == .noContent, "add member: \(added.body.string)")
        }
        return team
    }
}

// Lets tests write JSON bodies as literals: `["direction": "inbound", "told_wait_seconds": 60]`.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
