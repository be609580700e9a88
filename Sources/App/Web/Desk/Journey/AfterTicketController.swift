import Fluent
import Foundation
import Vapor

/// The "after this ticket" forms: the coaching queue, the learning log, product insights and
/// policy frictions, each raised from this ticket through `RaisedFromTicket` (the API's rules).
enum AfterTicketController {
    struct CoachingForm: Content {
        let reason: String?
    }

    struct LearningForm: Content {
        let about: String?
        let text: String?
    }

    struct InsightForm: Content {
        let title: String?
        let description: String?
        let product: String?
    }

    struct FrictionForm: Content {
        let policy: String?
        let description: String?
        let revenueAtRisk: String?

        enum CodingKeys: String, CodingKey {
            case policy, description
            case revenueAtRisk = "revenue_at_risk"
        }
    }

    @Sendable static func coaching(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(CoachingForm.self)
        return try await JourneyForms.submit(req, form: .coaching, values: ["reason": form.reason ?? ""], done: "coaching", anchor: "after-ticket") { db, ticket in
            _ = try await RaisedFromTicket.queueForCoaching(ticketId: try ticket.requireID(), reason: form.reason, by: user, on: db, at: req.now)
        }
    }

    @Sendable static func learning(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(LearningForm.self)
        let values = ["about": form.about ?? "", "text": form.text ?? ""]
        return try await JourneyForms.submit(req, form: .learning, values: values, done: "learning", anchor: "after-ticket") { db, ticket in
            guard let about = form.about.flatMap(LearningTopic.init(rawValue:)) else {
                throw RequestError.invalid("about", "about must be one of \(LearningTopic.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            _ = try await RaisedFromTicket.learning(about: about, text: form.text, ticketId: try ticket.requireID(), by: user, on: db, at: req.now)
        }
    }

    @Sendable static func insight(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(InsightForm.self)
        let values = ["title": form.title ?? "", "description": form.description ?? "", "product": form.product ?? ""]
        return try await JourneyForms.submit(req, form: .insight, values: values, done: "insight", anchor: "after-ticket") { db, ticket in
            _ = try await RaisedFromTicket.insight(
                title: form.title, description: form.description, product: form.product, theme: nil,
                ticketIds: [try ticket.requireID()], by: user, on: db, at: req.now)
        }
    }

    @Sendable static func friction(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(FrictionForm.self)
        let values = ["policy": form.policy ?? "", "description": form.description ?? "", "revenue_at_risk": form.revenueAtRisk ?? ""]
        return try await JourneyForms.submit(req, form: .friction, values: values, done: "friction", anchor: "after-ticket") { db, ticket in
            var revenue: Decimal?
            if let raw = form.revenueAtRisk?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                guard let amount = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), raw.allSatisfy({ $0.isNumber || $0 == "." }) else {
                    throw RequestError.invalid("revenue_at_risk", "revenue_at_risk must be an amount like 1200.50")
                }
                revenue = amount
            }
            _ = try await RaisedFromTicket.policyFriction(
                policy: form.policy, description: form.description, ticketId: try ticket.requireID(), revenueAtRisk: revenue,
                by: user, on: db, at: req.now)
        }
    }

    struct KudosForm: Content {
        let messageId: String?
        let toUserId: String?
        let value: String?
        let quote: String?

        enum CodingKeys: String, CodingKey {
            case value, quote
            case messageId = "message_id", toUserId = "to_user_id"
        }
    }

    /// Leads and up, as `POST /api/v1/kudos/from-customer`.
    @Sendable static func customerKudos(req: Request) async throws -> Response {
        let user = try req.deskUser()
        guard user.role >= .lead else { throw WebError.forbidden("Turning a customer's thanks into kudos is for leads and managers.") }
        let form = try req.content.decode(KudosForm.self)
        let values = ["message_id": form.messageId ?? "", "to_user_id": form.toUserId ?? "", "value": form.value ?? "", "quote": form.quote ?? ""]
        return try await JourneyForms.submit(req, form: .kudos, values: values, done: "kudos", anchor: "after-ticket") { db, ticket in
            var messageId: Int?
            if let raw = form.messageId?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                guard let id = Int(raw) else { throw RequestError.invalid("message_id", "message_id is not a message of this ticket") }
                messageId = id
            }
            var value: KudosValue?
            if let raw = form.value, !raw.isEmpty {
                guard let known = KudosValue(rawValue: raw) else { throw RequestError.invalid("value", "'\(raw)' is not one of the values") }
                value = known
            }
            _ = try await RaisedFromTicket.customerKudos(
                to: try JourneyForms.uuid(form.toUserId, field: "to_user_id"), ticketId: try ticket.requireID(), messageId: messageId,
                quote: form.quote, value: value, by: user, on: db, at: req.now)
        }
    }
}
