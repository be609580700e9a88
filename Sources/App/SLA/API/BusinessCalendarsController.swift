import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/business-calendars`: opening hours and holidays SLA targets count in. Staff read;
/// managers and admins write.
enum BusinessCalendarsController {
    struct CalendarRequest: Content {
        let name: String
        let calendar: BusinessCalendar

        enum CodingKeys: String, CodingKey { case name }

        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
            calendar = try BusinessCalendar(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try calendar.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
        }
    }

    struct CalendarDTO: Content {
        let id: UUID
        let name: String
        let calendar: BusinessCalendar
        let createdAt: Date
        let updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, name
            case createdAt = "created_at", updatedAt = "updated_at"
        }

        init(_ record: BusinessCalendarRecord) throws {
            id = try record.requireID()
            name = record.name
            calendar = record.calendar
            createdAt = record.createdAt
            updatedAt = record.updatedAt
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(UUID.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            createdAt = try container.decode(Date.self, forKey: .createdAt)
            updatedAt = try container.decode(Date.self, forKey: .updatedAt)
            calendar = try BusinessCalendar(from: decoder)
        }

        /// The calendar's own keys (`time_zone`, `weekly_hours`, `holidays`) sit beside the id and name.
        func encode(to encoder: any Encoder) throws {
            try calendar.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(updatedAt, forKey: .updatedAt)
        }
    }

    struct CalendarList: Content {
        let calendars: [CalendarDTO]
    }

    @Sendable static func list(req: Request) async throws -> CalendarList {
        _ = try req.staff()
        let rows = try await BusinessCalendarRecord.query(on: req.db).sort(\.$name).all()
        return CalendarList(calendars: try rows.map(CalendarDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> CalendarDTO {
        _ = try req.staff()
        return try CalendarDTO(try await find(req, on: req.db))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(CalendarRequest.self)
        let (name, calendar) = try checked(input)
        let dto = try await req.write { db in
            let record = try BusinessCalendarRecord(name: name, calendar: calendar, at: req.now)
            try await record.create(on: db)
            let dto = try CalendarDTO(record)
            try await AuditLog.record(.calendarCreated, by: .init(actor), subject: "business_calendar", id: record.id?.uuidString, after: dto, at: req.now, on: db)
            return dto
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Replaces the calendar. Clocks already running keep their due times until they next pause or resume.
    @Sendable static func update(req: Request) async throws -> CalendarDTO {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(CalendarRequest.self)
        let (name, calendar) = try checked(input)
        return try await req.write { db in
            let record = try await find(req, on: db)
            let before = try CalendarDTO(record)
            record.name = name
            record.definition = try BusinessCalendarRecord.encode(calendar)
            record.updatedAt = req.now
            try await record.save(on: db)
            let after = try CalendarDTO(record)
            try await AuditLog.record(
                .calendarChanged, by: .init(actor), subject: "business_calendar", id: record.id?.uuidString, before: before, after: after, at: req.now, on: db)
            return after
        }
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let actor = try req.staff(atLeast: .manager)
        try await req.write { db in
            let record = try await find(req, on: db)
            if try await SLAPolicyRecord.query(on: db).filter(\.$calendarId == record.id).count() > 0 {
                throw RequestError.conflict("an SLA policy counts in this calendar; change the policy first")
            }
            let before = try CalendarDTO(record)
            try await record.delete(on: db)
            try await AuditLog.record(
                .calendarDeleted, by: .init(actor), subject: "business_calendar", id: record.id?.uuidString, before: before, at: req.now, on: db)
        }
        return .noContent
    }

    private static func checked(_ input: CalendarRequest) throws -> (String, BusinessCalendar) {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.unicodeScalars.count) else { throw RequestError.invalid("name", "name must be 1 to 200 characters") }
        if case .failure(let error) = Result(catching: { () throws(BusinessCalendarError) in try input.calendar.validate() }) {
            throw RequestError.invalid(error == .unknownTimeZone(input.calendar.timeZoneIdentifier) ? "time_zone" : "weekly_hours", error.description)
        }
        return (name, input.calendar)
    }

    private static func find(_ req: Request, on db: any Database) async throws -> BusinessCalendarRecord {
        guard let record = try await BusinessCalendarRecord.find(try req.id("calendarID", of: "business calendar"), on: db) else {
            throw RequestError.notFound("business calendar")
        }
        return record
    }
}
