import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/duties`: everyone's duty log. An agent logs and edits their own duties; a lead their
/// team's; managers and admins everyone's. Reading follows `PeopleAccess`.
enum DutiesController {
    struct CreateRequest: Content {
        let userId: UUID?
        let name: String?
        let cadence: DutyCadence?
        let minutes: Int?
        let category: DutyCategory?
        let requestedBy: String?
        let startedOn: String?

        enum CodingKeys: String, CodingKey {
            case name, cadence, minutes, category
            case userId = "user_id", requestedBy = "requested_by", startedOn = "started_on"
        }
    }

    struct UpdateRequest: Content {
        let name: String?
        let cadence: DutyCadence?
        let minutes: Int?
        let category: DutyCategory?
        let requestedBy: String?
        let startedOn: String?
        let endedOn: String?

        enum CodingKeys: String, CodingKey {
            case name, cadence, minutes, category
            case requestedBy = "requested_by", startedOn = "started_on", endedOn = "ended_on"
        }
    }

    struct OccurrenceRequest: Content {
        let on: String?
        let minutes: Int?
    }

    struct DutyList: Content {
        let duties: [DutyDTO]
    }

    struct OccurrenceList: Content {
        let occurrences: [DutyOccurrenceDTO]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let viewer = try req.staff()
        let input = try req.content.decode(CreateRequest.self)
        let duty = try await req.write { db in try await create(input, by: viewer, on: db, now: req.now) }
        return try await DutyDTO(duty).encodeResponse(status: .created, for: req)
    }

    /// Logs a duty for the viewer, or (as their lead or manager) for `user_id`.
    static func create(_ input: CreateRequest, by viewer: User, on db: any Database, now: Date) async throws -> LoggedDuty {
        let userId = try input.userId ?? viewer.requireID()
        let name = try PeopleInput.text(input.name, field: "name")
        guard let cadence = input.cadence else { throw missing("cadence") }
        guard let category = input.category else { throw missing("category") }
        let minutes = try PeopleInput.minutes(input.minutes, max: 2400)
        let requestedBy = try requester(input.requestedBy)
        let startedOn = try input.startedOn.map { try Days.parse($0, field: "started_on") } ?? Days.day(of: now)
        _ = try await PeopleAccess.user(userId, on: db, field: "user_id")
        try await requireEdit(of: userId, by: viewer, on: db)
        let duty = LoggedDuty(
            userId: userId, name: name, cadence: cadence, minutes: minutes, category: category,
            requestedBy: requestedBy, startedOn: startedOn, at: now)
        try await duty.create(on: db)
        return duty
    }

    @Sendable static func list(req: Request) async throws -> DutyList {
        let viewer = try req.staff()
        let query = LoggedDuty.query(on: req.db).sort(\.$createdAt)
        if let userId = try PeopleInput.uuidQuery(req, "user_id") {
            try await PeopleAccess.requireSee(userId, viewer: viewer, on: req.db)
            query.filter(\.$userId == userId)
        } else if let visible = try await PeopleAccess.visiblePeople(to: viewer, on: req.db) {
            query.filter(\.$userId ~~ Array(visible))
        }
        return DutyList(duties: try await query.all().map(DutyDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> DutyDTO {
        let viewer = try req.staff()
        let duty = try await find(req)
        try await PeopleAccess.requireSee(duty.userId, viewer: viewer, on: req.db)
        return try DutyDTO(duty)
    }

    @Sendable static func update(req: Request) async throws -> DutyDTO {
        let viewer = try req.staff()
        let input = try req.content.decode(UpdateRequest.self)
        let id = try req.id("dutyID", of: "duty")
        return try await req.write { db in try DutyDTO(try await update(id, input, by: viewer, on: db, now: req.now)) }
    }

    /// Changes a duty; fields left out stay. Blank `ended_on` means it goes on.
    static func update(_ id: UUID, _ input: UpdateRequest, by viewer: User, on db: any Database, now: Date) async throws -> LoggedDuty {
        guard let duty = try await LoggedDuty.find(id, on: db) else { throw RequestError.notFound("duty") }
        try await requireEdit(of: duty.userId, by: viewer, on: db)
        if let name = input.name { duty.name = try PeopleInput.text(name, field: "name") }
        if let cadence = input.cadence { duty.cadence = cadence }
        if let minutes = input.minutes { duty.minutes = try PeopleInput.minutes(minutes, max: 2400) }
        if let category = input.category { duty.category = category }
        if let requestedBy = input.requestedBy { duty.requestedBy = try requester(requestedBy) }
        if let startedOn = input.startedOn { duty.startedOn = try Days.parse(startedOn, field: "started_on") }
        if let endedOn = input.endedOn { duty.endedOn = endedOn.isEmpty ? nil : try Days.parse(endedOn, field: "ended_on") }
        if let endedOn = duty.endedOn, endedOn < duty.startedOn {
            throw PeopleError.invalid(field: "ended_on", reason: "ended_on must be on or after started_on")
        }
        duty.updatedAt = now
        try await duty.save(on: db)
        return duty
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let viewer = try req.staff()
        let id = try req.id("dutyID", of: "duty")
        try await req.write { db in try await delete(id, by: viewer, on: db) }
        return .noContent
    }

    /// Removes a duty and its occurrences; returns whose log it was on.
    @discardableResult
    static func delete(_ id: UUID, by viewer: User, on db: any Database) async throws -> UUID {
        guard let duty = try await LoggedDuty.find(id, on: db) else { throw RequestError.notFound("duty") }
        try await requireEdit(of: duty.userId, by: viewer, on: db)
        try await DutyOccurrence.query(on: db).filter(\.$dutyId == id).delete()
        try await duty.delete(on: db)
        return duty.userId
    }

    @Sendable static func addOccurrence(req: Request) async throws -> Response {
        let viewer = try req.staff()
        let input = try req.content.decode(OccurrenceRequest.self)
        let id = try req.id("dutyID", of: "duty")
        let occurrence = try await req.write { db in try await addOccurrence(to: id, input, by: viewer, on: db, now: req.now) }
        return try await DutyOccurrenceDTO(occurrence).encodeResponse(status: .created, for: req)
    }

    /// Logs one time an ad-hoc duty happened.
    static func addOccurrence(to id: UUID, _ input: OccurrenceRequest, by viewer: User, on db: any Database, now: Date) async throws -> DutyOccurrence {
        let on = try Days.parse(input.on, field: "on")
        let minutes = try input.minutes.map { try PeopleInput.minutes($0, max: 1440) }
        guard let duty = try await LoggedDuty.find(id, on: db) else { throw RequestError.notFound("duty") }
        try await requireEdit(of: duty.userId, by: viewer, on: db)
        guard duty.cadence == .adHoc else { throw PeopleError.occurrencesNeedAdHoc }
        let occurrence = DutyOccurrence(dutyId: id, on: on, minutes: minutes, at: now)
        try await occurrence.create(on: db)
        return occurrence
    }

    @Sendable static func occurrences(req: Request) async throws -> OccurrenceList {
        let viewer = try req.staff()
        let duty = try await find(req)
        try await PeopleAccess.requireSee(duty.userId, viewer: viewer, on: req.db)
        let rows = try await DutyOccurrence.query(on: req.db).filter(\.$dutyId == (try duty.requireID())).sort(\.$on).all()
        return OccurrenceList(occurrences: try rows.map(DutyOccurrenceDTO.init))
    }

    /// Only the person themselves, their lead or a manager changes a duty log.
    static func mayEdit(_ person: UUID, by viewer: User, on db: any Database) async throws -> Bool {
        if person == viewer.id { return true }
        return try await PeopleAccess.leadsOrManages(person, viewer: viewer, on: db)
    }

    static func requireEdit(of person: UUID, by viewer: User, on db: any Database) async throws {
        if person == viewer.id { return }
        guard try await PeopleAccess.leadsOrManages(person, viewer: viewer, on: db) else {
            throw PeopleError.notYours("you can log and edit your own duties; leads edit their team's, managers everyone's")
        }
    }

    /// `requested_by`: blank or "own_team" means the person's own team.
    private static func requester(_ raw: String?) throws -> String? {
        guard let text = try PeopleInput.optionalText(raw, field: "requested_by", max: 100) else { return nil }
        return text.lowercased() == "own_team" ? nil : text
    }

    private static func missing(_ field: String) -> RequestError {
        RequestError(.unprocessableEntity, "missing_field", "\(field) is required", field: field)
    }

    private static func find(_ req: Request) async throws -> LoggedDuty {
        guard let duty = try await LoggedDuty.find(try req.id("dutyID", of: "duty"), on: req.db) else {
            throw RequestError.notFound("duty")
        }
        return duty
    }
}

/// A duty of the log, with its weekly minutes where the cadence fixes them.
struct DutyDTO: Content {
    let id: UUID
    let userId: UUID
    let name: String
    let cadence: DutyCadence
    let minutes: Int
    let category: DutyCategory
    let requestedBy: String?
    let startedOn: String
    let endedOn: String?
    /// Minutes per week for daily, weekly and monthly duties; nil for ad-hoc ones (they depend on occurrences).
    let minutesPerWeek: Double?
    let createdAt: Date
    let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, cadence, minutes, category
        case userId = "user_id", requestedBy = "requested_by", startedOn = "started_on", endedOn = "ended_on"
        case minutesPerWeek = "minutes_per_week", createdAt = "created_at", updatedAt = "updated_at"
    }

    init(_ duty: LoggedDuty) throws {
        id = try duty.requireID()
        userId = duty.userId
        name = duty.name
        cadence = duty.cadence
        minutes = duty.minutes
        category = duty.category
        requestedBy = duty.requestedBy
        startedOn = duty.startedOn
        endedOn = duty.endedOn
        minutesPerWeek = duty.cadence == .adHoc ? nil : Rounded.minutes(
            Duty(category: duty.category, cadence: duty.cadence, minutesEach: Double(duty.minutes)).minutesPerWeek(periodWeeks: 1))
        createdAt = duty.createdAt
        updatedAt = duty.updatedAt
    }
}

/// One time an ad-hoc duty happened.
struct DutyOccurrenceDTO: Content {
    let id: UUID
    let dutyId: UUID
    let on: String
    let minutes: Int?

    enum CodingKeys: String, CodingKey {
        case id, on, minutes
        case dutyId = "duty_id"
    }

    init(_ occurrence: DutyOccurrence) throws {
        id = try occurrence.requireID()
        dutyId = occurrence.dutyId
        on = occurrence.on
        minutes = occurrence.minutes
    }
}
