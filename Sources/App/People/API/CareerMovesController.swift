import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/career-moves`: promotions and moves, recorded by managers as successes of the
/// department (seed 003: "all the product managers, engineers... promoted out of customer service").
enum CareerMovesController {
    struct CreateRequest: Content {
        let userId: UUID?
        let on: String?
        let kind: CareerMoveKind?
        let fromTitle: String?
        let toTitle: String?
        let department: String?
        let note: String?

        enum CodingKeys: String, CodingKey {
            case on, kind, department, note
            case userId = "user_id", fromTitle = "from_title", toTitle = "to_title"
        }
    }

    struct MoveList: Content {
        let moves: [CareerMoveDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let manager = try req.staff(atLeast: .manager)
        let input = try req.content.decode(CreateRequest.self)
        let move = try await req.write { db in try await record(input, by: manager, on: db, now: req.now) }
        return try await CareerMovesController.dtos([move], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    /// A manager records a promotion or a move.
    static func record(_ input: CreateRequest, by manager: User, on db: any Database, now: Date) async throws -> CareerMove {
        guard manager.role.managesPeople else { throw RequestError.forbidden("managers and admins record career moves") }
        guard let userId = input.userId else { throw RequestError(.unprocessableEntity, "missing_field", "user_id is required", field: "user_id") }
        guard let kind = input.kind else { throw RequestError(.unprocessableEntity, "missing_field", "kind is required", field: "kind") }
        let on = try Days.parse(input.on, field: "on")
        let toTitle = try PeopleInput.text(input.toTitle, field: "to_title")
        let fromTitle = try PeopleInput.optionalText(input.fromTitle, field: "from_title", max: 200)
        let department = try PeopleInput.optionalText(input.department, field: "department", max: 100)
        let note = try PeopleInput.optionalText(input.note, field: "note")
        _ = try await PeopleAccess.user(userId, on: db, field: "user_id")
        let move = CareerMove()
        move.userId = userId
        move.on = on
        move.kind = kind
        move.fromTitle = fromTitle
        move.toTitle = toTitle
        move.department = department
        move.note = note
        move.recordedBy = try manager.requireID()
        move.createdAt = now
        try await move.create(on: db)
        return move
    }

    @Sendable static func list(req: Request) async throws -> MoveList {
        _ = try req.staff()
        let query = CareerMove.query(on: req.db).sort(\.$on, .descending)
        if let userId = try PeopleInput.uuidQuery(req, "user_id") { query.filter(\.$userId == userId) }
        return MoveList(moves: try await dtos(try await query.all(), on: req.db))
    }

    /// People who moved from service into another department: each person's latest such move.
    @Sendable static func alumni(req: Request) async throws -> MoveList {
        _ = try req.staff()
        return MoveList(moves: try await alumni(on: req.db))
    }

    static func alumni(on db: any Database) async throws -> [CareerMoveDTO] {
        let moves = try await CareerMove.query(on: db).filter(\.$kind == .move).filter(\.$department != nil)
            .sort(\.$on, .descending).all()
        var seen = Set<UUID>()
        let latest = moves.filter { seen.insert($0.userId).inserted }
        return try await dtos(latest, on: db)
    }

    static func dtos(_ moves: [CareerMove], on db: any Database) async throws -> [CareerMoveDTO] {
        let ids = Array(Set(moves.map(\.userId)))
        let users = try await ids.isEmpty ? [] : User.query(on: db).filter(\.$id ~~ ids).all()
        let names = Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) })
        return try moves.map { try CareerMoveDTO($0, name: names[$0.userId] ?? "") }
    }
}

/// A promotion or move.
struct CareerMoveDTO: Content {
    let id: UUID
    let userId: UUID
    let name: String
    let on: String
    let kind: CareerMoveKind
    let fromTitle: String?
    let toTitle: String
    let department: String?
    let note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, on, kind, department, note
        case userId = "user_id", fromTitle = "from_title", toTitle = "to_title"
    }

    init(_ move: CareerMove, name: String) throws {
        id = try move.requireID()
        userId = move.userId
        self.name = name
        on = move.on
        kind = move.kind
        fromTitle = move.fromTitle
        toTitle = move.toTitle
        department = move.department
        note = move.note
    }
}
