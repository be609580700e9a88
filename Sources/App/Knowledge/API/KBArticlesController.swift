import Fluent
import Vapor

/// `/api/v1/kb/articles`: the knowledge base as staff read it. Small for now: articles are created
/// by promoting learning entries (`POST /learning-entries/{id}/promote`).
enum KBArticlesController {
    struct ArticleList: Content {
        let articles: [KBArticleDTO]
    }

    @Sendable static func list(req: Request) async throws -> ArticleList {
        _ = try req.staff()
        let query = KBArticle.query(on: req.db).sort(\.$updatedAt, .descending)
        if let raw = try? req.query.get(String.self, at: "status") {
            guard let status = KBArticleStatus(rawValue: raw) else {
                throw RequestError.invalid("status", "status must be one of \(KBArticleStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.filter(\.$status == status)
        }
        return ArticleList(articles: try await query.all().map(KBArticleDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> KBArticleDTO {
        _ = try req.staff()
        guard let article = try await KBArticle.find(try req.id("articleID", of: "article"), on: req.db) else {
            throw RequestError.notFound("article")
        }
        return try KBArticleDTO(article)
    }
}

/// A knowledge-base article.
struct KBArticleDTO: Content {
    let id: UUID
    let title: String
    let body: String
    let status: KBArticleStatus
    let sourceLearningEntryId: UUID?
    let authorId: UUID
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, body, status
        case sourceLearningEntryId = "source_learning_entry_id", authorId = "author_id"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ article: KBArticle) throws {
        id = try article.requireID()
        title = article.title
        body = article.body
        status = article.status
        sourceLearningEntryId = article.sourceLearningEntryId
        authorId = article.authorId
        createdAt = article.createdAt
        updatedAt = article.updatedAt
    }
}
