import Fluent
import Foundation

/// One kind of work a feature hands the scheduler: where its due rows are (the index the idle probe
/// reads) and how to do one batch of them. The rule of what is due and what doing it means stays in
/// the feature (`PromiseSchedule`, `EscalationSchedule`, `SLASchedule`); the scheduler only runs
/// batches until none is left.
struct DueWork: Sendable {
    /// A row is due when it is in `state` and its `column` is at or before now.
    let table: String
    let state: String
    let column: String
    /// Claims and does up to `limit` due rows in one write; returns how many it claimed.
    let batch: @Sendable (_ now: Date, _ db: any Database, _ limit: Int) async throws -> Int
}
