import Fluent
import FrontlineCore
import Vapor

/// The numbers the department-health figures are computed with, stored in the `settings` table
/// under `department_health.*` and changed by admins.
///
/// Ticket work counts as customer time: every public reply a staff member writes counts
/// `minutes_per_reply` (6 by default), every internal note `minutes_per_note` (2). Calls will add
/// their real durations once the phone channel records them. `cost_per_minute` turns minutes
/// into the cost estimates of insights and policy frictions, in the desk's currency.
struct DepartmentHealthSettings: Content, Equatable {
    var serviceThreshold: Double = HealthThresholds.standard.service
    var driftingThreshold: Double = HealthThresholds.standard.drifting
    var minutesPerReply: Double = 6
    var minutesPerNote: Double = 2
    var coachingTargetMinutesPerDay: Double = CoachingTime.defaultTargetMinutesPerDay
    var costPerMinute: Double = 1

    enum CodingKeys: String, CodingKey, CaseIterable {
        case serviceThreshold = "service_threshold"
        case driftingThreshold = "drifting_threshold"
        case minutesPerReply = "minutes_per_reply"
        case minutesPerNote = "minutes_per_note"
        case coachingTargetMinutesPerDay = "coaching_target_minutes_per_day"
        case costPerMinute = "cost_per_minute"
    }

    var thresholds: HealthThresholds { HealthThresholds(service: serviceThreshold, drifting: driftingThreshold) }

    private static let prefix = "department_health."

    subscript(key: CodingKeys) -> Double {
        get {
            switch key {
            case .serviceThreshold: serviceThreshold
            case .driftingThreshold: driftingThreshold
            case .minutesPerReply: minutesPerReply
            case .minutesPerNote: minutesPerNote
            case .coachingTargetMinutesPerDay: coachingTargetMinutesPerDay
            case .costPerMinute: costPerMinute
            }
        }
        set {
            switch key {
            case .serviceThreshold: serviceThreshold = newValue
            case .driftingThreshold: driftingThreshold = newValue
            case .minutesPerReply: minutesPerReply = newValue
            case .minutesPerNote: minutesPerNote = newValue
            case .coachingTargetMinutesPerDay: coachingTargetMinutesPerDay = newValue
            case .costPerMinute: costPerMinute = newValue
            }
        }
    }

    /// The stored settings over the defaults.
    static func load(on db: any Database) async throws -> Self {
        var settings = Self()
        let keys = CodingKeys.allCases.map { prefix + $0.rawValue }
        for row in try await DeskSetting.query(on: db).filter(\.$id ~~ keys).all() {
            guard let name = row.id?.dropFirst(prefix.count), let key = CodingKeys(rawValue: String(name)),
                  let value = Double(row.value) else { continue }
            settings[key] = value
        }
        return settings
    }

    /// Checks and stores the settings.
    func save(on db: any Database, at now: Date) async throws {
        guard thresholds.isValid else {
            throw PeopleError.invalid(field: "service_threshold", reason: "thresholds must satisfy 0 ≤ drifting_threshold ≤ service_threshold ≤ 1")
        }
        for key in [CodingKeys.minutesPerReply, .minutesPerNote] where !(0...240).contains(self[key]) {
            throw PeopleError.invalid(field: key.rawValue, reason: "\(key.rawValue) must be from 0 to 240 minutes")
        }
        guard (1...480).contains(coachingTargetMinutesPerDay) else {
            throw PeopleError.invalid(field: "coaching_target_minutes_per_day", reason: "coaching_target_minutes_per_day must be from 1 to 480")
        }
        guard (0...10_000).contains(costPerMinute) else {
            throw PeopleError.invalid(field: "cost_per_minute", reason: "cost_per_minute must be from 0 to 10000")
        }
        for key in CodingKeys.allCases {
            try await DeskSetting.set(Self.prefix + key.rawValue, to: String(self[key]), on: db, at: now)
        }
    }
}

/// `/api/v1/settings/department-health`: leads and up read the numbers behind their reports;
/// admins change them.
enum SettingsController {
    /// Every field optional: only those given change.
    struct PatchRequest: Content {
        let serviceThreshold: Double?
        let driftingThreshold: Double?
        let minutesPerReply: Double?
        let minutesPerNote: Double?
        let coachingTargetMinutesPerDay: Double?
        let costPerMinute: Double?

        enum CodingKeys: String, CodingKey {
            case serviceThreshold = "service_threshold", driftingThreshold = "drifting_threshold"
            case minutesPerReply = "minutes_per_reply", minutesPerNote = "minutes_per_note"
            case coachingTargetMinutesPerDay = "coaching_target_minutes_per_day", costPerMinute = "cost_per_minute"
        }
    }

    @Sendable static func show(req: Request) async throws -> DepartmentHealthSettings {
        _ = try req.staff(atLeast: .lead)
        return try await DepartmentHealthSettings.load(on: req.db)
    }

    @Sendable static func update(req: Request) async throws -> DepartmentHealthSettings {
        let admin = try req.staff(atLeast: .admin)
        let input = try req.content.decode(PatchRequest.self)
        return try await req.write { db in
            var settings = try await DepartmentHealthSettings.load(on: db)
            let before = settings
            if let value = input.serviceThreshold { settings.serviceThreshold = value }
            if let value = input.driftingThreshold { settings.driftingThreshold = value }
            if let value = input.minutesPerReply { settings.minutesPerReply = value }
            if let value = input.minutesPerNote { settings.minutesPerNote = value }
            if let value = input.coachingTargetMinutesPerDay { settings.coachingTargetMinutesPerDay = value }
            if let value = input.costPerMinute { settings.costPerMinute = value }
            try await settings.save(on: db, at: req.now)
            try await AuditLog.record(
                .settingsChanged, by: .init(admin), subject: "settings", id: "department-health", before: before, after: settings, at: req.now, on: db)
            return settings
        }
    }
}

/// Ticket work in minutes, estimated from the messages staff wrote (see `DepartmentHealthSettings`).
enum TicketWork {
    /// Minutes each of `people` spent on tickets in `[start, end)`.
    static func minutesByPerson(
        _ people: [UUID], from start: Date, to end: Date, settings: DepartmentHealthSettings, on db: any Database
    ) async throws -> [UUID: Double] {
        guard !people.isEmpty else { return [:] }
        let messages = try await Message.query(on: db)
            .filter(\.$authorType == Actor.Kind.user.rawValue).filter(\.$authorId ~~ people)
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all()
        var total: [UUID: Double] = [:]
        for message in messages {
            guard let author = message.authorId else { continue }
            total[author, default: 0] += minutes(for: message, settings: settings)
        }
        return total
    }

    /// Minutes staff spent on each of `tickets`, all time.
    static func minutesByTicket(_ tickets: [UUID], settings: DepartmentHealthSettings, on db: any Database) async throws -> [UUID: Double] {
        guard !tickets.isEmpty else { return [:] }
        let messages = try await Message.query(on: db)
            .filter(\.$authorType == Actor.Kind.user.rawValue).filter(\.$ticketId ~~ tickets).all()
        var total: [UUID: Double] = [:]
        for message in messages { total[message.ticketId, default: 0] += minutes(for: message, settings: settings) }
        return total
    }

    static func minutes(for message: Message, settings: DepartmentHealthSettings) -> Double {
        message.visibility == .public ? settings.minutesPerReply : settings.minutesPerNote
    }
}
