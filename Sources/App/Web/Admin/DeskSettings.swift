import Fluent
import Foundation

/// The desk's basic settings: its name, the support address customers write to, its time zone.
struct DeskSettings: Sendable, Equatable {
    var deskName = "Frontline"
    var supportAddress = ""
    var timeZone = "UTC"

    static func load(on db: any Database) async throws -> DeskSettings {
        var settings = DeskSettings()
        for row in try await DeskSetting.query(on: db).all() {
            switch row.id {
            case "desk_name": settings.deskName = row.value
            case "support_address": settings.supportAddress = row.value
            case "time_zone": settings.timeZone = row.value
            default: break
            }
        }
        return settings
    }

    func save(on db: any Database, at now: Date) async throws {
        for (key, value) in [("desk_name", deskName), ("support_address", supportAddress), ("time_zone", timeZone)] {
            try await DeskSetting.set(key, to: value, on: db, at: now)
        }
    }

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
}
