import Fluent
import Foundation
import Vapor

/// Ends the ways in that someone's credentials opened: their API tokens and browser sessions.
/// Deactivating a person (on the web or through the API) ends all of them, so reactivating later
/// brings none back; a new password ends all but the one the change was made from, so whoever
/// knew the old password is out.
enum AccessRevocation {
    /// Whose ways in.
    enum Holder: Sendable {
        case user(UUID)
        case customer(UUID)
    }

    /// What the person is using right now, which a password change keeps.
    struct Current: Sendable {
        var sessionId: UUID?
        var tokenHash: String?

        static let nothing = Current()

        /// The session or bearer token `req` came with.
        init(of req: Request) {
            sessionId = req.webSession?.id
            tokenHash = req.headers.bearerAuthorization.map { APIToken.hash($0.token) }
        }

        init() {}
    }

    static func revoke(_ holder: Holder, keeping current: Current = .nothing, on db: any Database) async throws {
        let tokens = APIToken.query(on: db)
        let sessions = WebSession.query(on: db)
        switch holder {
        case .user(let id):
            tokens.filter(\.$userId == id)
            sessions.filter(\.$userId == id)
        case .customer(let id):
            tokens.filter(\.$customerId == id)
            sessions.filter(\.$customerId == id)
        }
        if let hash = current.tokenHash { tokens.filter(\.$tokenHash != hash) }
        if let id = current.sessionId { sessions.filter(\.$id != id) }
        try await tokens.delete()
        try await sessions.delete()
    }
}
