import Fluent
import FrontlineCore
import Foundation

/// Which promises a list shows (by state, owner and due time), soonest due first. The API's
/// `GET /promises` and the desk's promise lists read through this one query.
struct PromiseQuery: Sendable {
    var state: PromiseState?
    var ownerId: UUID?
    var dueBefore: Date?
    var limit = 500

    func run(on db: any Database) async throws -> [CustomerPromise] {
        let query = CustomerPromise.query(on: db)
        if let state { query.filter(\.$state == state) }
        if let ownerId { query.filter(\.$ownerId == ownerId) }
        if let dueBefore { query.filter(\.$dueAt < dueBefore) }
        return try await query.sort(\.$dueAt).limit(limit).all()
    }
}
