import Fluent
import Foundation

/// Whether an article is still being written or open to readers.
enum KBArticleStatus: String, Codable, CaseIterable, Sendable {
    case draft, published
}

/// A knowledge-base article. For now articles start as drafts promoted from what agents learned.
final class KBArticle: Model, @unchecked Sendable {
    static let schema = "kb_articles"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Enum(key: "status") var status: KBArticleStatus
    @OptionalField(key: "source_learning_entry_id") var sourceLearningEntryId: UUID?
    @Field(key: "author_id") var authorId: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(title: String, body: String, status: KBArticleStatus, sourceLearningEntryId: UUID?, authorId: UUID, at: Date) {
        self.title = title
        self.body = body
        self.status = status
        self.sourceLearningEntryId = sourceLearningEntryId
        self.authorId = authorId
        self.createdAt = at
        self.updatedAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $title, $body, $status, $sourceLearningEntryId, $authorId, $createdAt, $updatedAt] }
}
