import Fluent
import Foundation

/// One administrative action: who did what to which record, when, and the record before and after
/// (as JSON). Rows are only ever inserted; the database refuses updates and deletes.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    /// The staff member who acted; nil for the command line, which acts as the machine's operator.
    @OptionalField(key: "actor_id") var actorId: UUID?
    /// The actor's name at the time, so the entry reads the same after a rename.
    @Field(key: "actor_name") var actorName: String
    @Field(key: "kind") var kind: String
    /// The kind of record acted on (`user`, `token`, `team`, `settings`, ...) and its id.
    @Field(key: "subject_type") var subjectType: String
    @OptionalField(key: "subject_id") var subjectId: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?

    init() {}

    init(at: Date, actorId: UUID?, actorName: String, kind: AuditAction, subjectType: String, subjectId: String?, before: String?, after: String?) {
        self.at = at
        self.actorId = actorId
        self.actorName = actorName
        self.kind = kind.rawValue
        self.subjectType = subjectType
        self.subjectId = subjectId
        self.before = before
        self.after = after
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $at, $actorId, $actorName, $kind, $subjectType, $subjectId, $before, $after] }
}
