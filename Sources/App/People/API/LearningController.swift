import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/learning-entries`: "what did you learn from your last customer interaction?" (seed 003).
/// Visible to the author, their leads and managers; a good entry is promoted to a knowledge-base draft.
enum LearningController {
    struct CreateRequest: Content {
        let about: LearningTopic?
        let text: String?
        let ticketId: UUID?

        enum CodingKeys: String, CodingKey {
            case about, text
            case ticketId = "ticket_id"
        }
    }

    struct PromoteRequest: Content {
        let title: String?
    }

    struct EntryList: Content {
        let entries: [LearningEntryDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let author = try req.staff()
        let input = try req.content.decode(CreateRequest.self)
        let entry = try await req.write { db in try await create(input, by: author, on: db, at: req.now) }
        return try await LearningEntryDTO(entry).encodeResponse(status: .created, for: req)
    }

    /// Logs what the author learned, optionally from a ticket (rules shared with the ticket page).
    static func create(_ input: CreateRequest, by author: User, on db: any Database, at now: Date) async throws -> LearningEntry {
        try await RaisedFromTicket.learning(about: input.about, text: input.text, ticketId: input.ticketId, by: author, on: db, at: now)
    }

    @Sendable static func list(req: Request) async throws -> EntryList {
        let viewer = try req.staff()
        let query = LearningEntry.query(on: req.db).sort(\.$createdAt, .descending)
        if let userId = try PeopleInput.uuidQuery(req, "user_id") {
            try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
            query.filter(\.$authorId == userId)
        } else if let visible = try await PeopleAccess.visiblePeople(to: viewer, on: req.db) {
            query.filter(\.$authorId ~~ Array(visible))
        }
        return EntryList(entries: try await query.all().map(LearningEntryDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> LearningEntryDTO {
        let viewer = try req.staff()
        let entry = try await find(req, on: req.db)
        try await PeopleAccess.requireSee(entry.authorId, viewer: viewer, on: req.db)
        return try LearningEntryDTO(entry)
    }

    /// Creates a knowledge-base draft from the entry; the author or anyone who may see it can promote.
    @Sendable static func promote(req: Request) async throws -> Response {
        let viewer = try req.staff()
        let input = (try? req.content.decode(PromoteRequest.self)) ?? PromoteRequest(title: nil)
        let id = try req.id("entryID", of: "learning entry")
        let article = try await req.write { db in try await promote(id, title: input.title, by: viewer, on: db, now: req.now) }
        return try await KBArticleDTO(article).encodeResponse(status: .created, for: req)
    }

    /// Creates a knowledge-base draft from the entry; the author or anyone who may see it can promote.
    static func promote(_ id: UUID, title rawTitle: String?, by viewer: User, on db: any Database, now: Date) async throws -> KBArticle {
        let title = try rawTitle.map { try PeopleInput.text($0, field: "title", max: 200) }
        guard let entry = try await LearningEntry.find(id, on: db) else { throw RequestError.notFound("learning entry") }
        try await PeopleAccess.requireSee(entry.authorId, viewer: viewer, on: db)
        guard entry.articleId == nil else { throw PeopleError.alreadyPromoted }
        let article = KBArticle(
            title: title ?? defaultTitle(entry), body: entry.text, status: .draft, sourceLearningEntryId: id,
            authorId: entry.authorId, at: now)
        try await article.create(on: db)
        entry.articleId = try article.requireID()
        try await entry.save(on: db)
        return article
    }

    /// The first line of the entry, shortened: a starting title the editor will improve.
    private static func defaultTitle(_ entry: LearningEntry) -> String {
        let firstLine = entry.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? entry.text
        return firstLine.count > 80 ? String(firstLine.prefix(79)) + "…" : firstLine
    }

    private static func find(_ req: Request, on db: any Database) async throws -> LearningEntry {
        guard let entry = try await LearningEntry.find(try req.id("entryID", of: "learning entry"), on: db) else {
            throw RequestError.notFound("learning entry")
        }
        return entry
    }
}

/// A learning entry.
struct LearningEntryDTO: Content {
    let id: UUID
    let authorId: UUID
    let about: LearningTopic
    let text: String
    let ticketId: UUID?
    let articleId: UUID?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, about, text
        case authorId = "author_id", ticketId = "ticket_id", articleId = "article_id", createdAt = "created_at"
    }

    init(_ entry: LearningEntry) throws {
        id = try entry.requireID()
        authorId = entry.authorId
        about = entry.about
        text = entry.text
        ticketId = entry.ticketId
        articleId = entry.articleId
        createdAt = entry.createdAt
    }
}
