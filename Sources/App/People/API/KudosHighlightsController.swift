import Fluent
import Vapor

/// `GET /api/v1/kudos/highlights?month=yyyy-MM`: what the month's recognition was about. Counts
/// per value, a few recent quotes and the people recognised for the first time; deliberately no
/// leaderboard, no ranking of people and no "least kudos".
enum KudosHighlightsController {
    struct Highlights: Content {
        struct Person: Content {
            let id: UUID
            let name: String
        }

        let month: String
        let total: Int
        let fromCustomers: Int
        /// Kudos per value; every value is present.
        let countsByValue: [String: Int]
        let recent: [KudosDTO]
        let firstTimeRecognised: [Person]

        enum CodingKeys: String, CodingKey {
            case month, total, recent
            case fromCustomers = "from_customers", countsByValue = "counts_by_value"
            case firstTimeRecognised = "first_time_recognised"
        }
    }

    static let recentCount = 5

    @Sendable static func highlights(req: Request) async throws -> Highlights {
        _ = try req.staff()
        let month = try (try? req.query.get(String.self, at: "month")).map(parseMonth) ?? String(Days.day(of: req.now).prefix(7))
        return try await build(month: month, on: req.db)
    }

    /// The highlights of a month (`yyyy-MM`).
    static func build(month: String, on db: any Database) async throws -> Highlights {
        let start = Days.start(of: month + "-01")
        let end = Days.calendar.date(byAdding: .month, value: 1, to: start) ?? start
        let kudos = try await Kudos.query(on: db).filter(\.$createdAt >= start).filter(\.$createdAt < end)
            .sort(\.$createdAt, .descending).all()
        var counts = Dictionary(uniqueKeysWithValues: KudosValue.allCases.map { ($0.rawValue, 0) })
        for item in kudos { if let value = item.value { counts[value.rawValue, default: 0] += 1 } }

        let recipients = Array(Set(kudos.map(\.toUserId)))
        let earlier = try await recipients.isEmpty ? [] : Kudos.query(on: db)
            .filter(\.$toUserId ~~ recipients).filter(\.$createdAt < start).all()
        let recognisedBefore = Set(earlier.map(\.toUserId))
        let firstTimers = recipients.filter { !recognisedBefore.contains($0) }
        let people = try await firstTimers.isEmpty ? [] : User.query(on: db).filter(\.$id ~~ firstTimers).sort(\.$name).all()

        let recent = Array(kudos.prefix(recentCount))
        return Highlights(
            month: month, total: kudos.count, fromCustomers: kudos.count { $0.source == .customer }, countsByValue: counts,
            recent: try await KudosPresenter.dtos(recent, on: db),
            firstTimeRecognised: try people.map { .init(id: try $0.requireID(), name: $0.name) })
    }

    static func parseMonth(_ raw: String) throws -> String {
        guard raw.count == 7, (try? Days.parse(raw + "-01", field: "month")) != nil else {
            throw PeopleError.invalid(field: "month", reason: "month must be written yyyy-MM, e.g. 2026-11")
        }
        return raw
    }
}
