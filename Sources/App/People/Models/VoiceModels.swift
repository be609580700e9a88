import Fluent
import Foundation

/// "What I learned" from a customer interaction.
final class LearningEntry: Model, @unchecked Sendable {
    static let schema = "learning_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "author_id") var authorId: UUID
    @Enum(key: "about") var about: LearningTopic
    @Field(key: "text") var text: String
    @OptionalField(key: "ticket_id") var ticketId: UUID?
    /// The knowledge-base draft it became, once promoted.
    @OptionalField(key: "article_id") var articleId: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(authorId: UUID, about: LearningTopic, text: String, ticketId: UUID?, at: Date) {
        self.authorId = authorId
        self.about = about
        self.text = text
        self.ticketId = ticketId
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $authorId, $about, $text, $ticketId, $articleId, $createdAt] }
}

/// A product insight raised from tickets.
final class Insight: Model, @unchecked Sendable {
    static let schema = "insights"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var insightDescription: String
    @OptionalField(key: "product") var product: String?
    @OptionalField(key: "theme") var theme: String?
    @Enum(key: "status") var status: InsightStatus
    @Field(key: "raised_by") var raisedBy: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $title, $insightDescription, $product, $theme, $status, $raisedBy, $createdAt, $updatedAt] }
}

/// A ticket supporting an insight.
final class InsightTicket: Model, @unchecked Sendable {
    static let schema = "insight_tickets"

    @ID(key: .id) var id: UUID?
    @Field(key: "insight_id") var insightId: UUID
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "added_by") var addedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(insightId: UUID, ticketId: UUID, addedBy: UUID, at: Date) {
        self.insightId = insightId
        self.ticketId = ticketId
        self.addedBy = addedBy
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $insightId, $ticketId, $addedBy, $createdAt] }
}

/// A policy that created work or penalised a customer.
final class PolicyFriction: Model, @unchecked Sendable {
    static let schema = "policy_frictions"

    @ID(key: .id) var id: UUID?
    @Field(key: "policy") var policy: String
    @Field(key: "description") var frictionDescription: String
    @Field(key: "raised_by") var raisedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $policy, $frictionDescription, $raisedBy, $createdAt] }
}

/// A ticket where a policy bit, with the revenue it put at risk (in cents).
final class PolicyFrictionTicket: Model, @unchecked Sendable {
    static let schema = "policy_friction_tickets"

    @ID(key: .id) var id: UUID?
    @Field(key: "friction_id") var frictionId: UUID
    @Field(key: "ticket_id") var ticketId: UUID
    @Field(key: "revenue_at_risk_cents") var revenueAtRiskCents: Int
    @Field(key: "added_by") var addedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(frictionId: UUID, ticketId: UUID, revenueAtRiskCents: Int, addedBy: UUID, at: Date) {
        self.frictionId = frictionId
        self.ticketId = ticketId
        self.revenueAtRiskCents = revenueAtRiskCents
        self.addedBy = addedBy
        self.createdAt = at
    }

    /// Listed so that Fluent does not find them by reflection on every row (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $frictionId, $ticketId, $revenueAtRiskCents, $addedBy, $createdAt] }
}
