import Fluent
import Vapor

/// `/admin/settings`: the desk's name, support address and time zone.
enum AdminSettingsController {
    struct SettingsForm: Content {
        let deskName: String?
        let supportAddress: String?
        let timeZone: String?

        enum CodingKeys: String, CodingKey {
            case deskName = "desk_name", supportAddress = "support_address", timeZone = "time_zone"
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        return try await page(req, settings: try await DeskSettings.load(on: req.db), message: nil, notice: nil).response()
    }

    @Sendable static func save(req: Request) async throws -> Response {
        _ = try AdminPage.requireAdmin(req)
        let form = try req.content.decode(SettingsForm.self)
        let settings = DeskSettings(
            deskName: (form.deskName ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            supportAddress: (form.supportAddress ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            timeZone: (form.timeZone ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        var problems: [String] = []
        if !(1...80).contains(settings.deskName.count) { problems.append("The desk name must be 1 to 80 characters.") }
        if !settings.supportAddress.isEmpty && !EmailAddress.isValid(settings.supportAddress) { problems.append("The support address is not an email address.") }
        if TimeZone(identifier: settings.timeZone) == nil { problems.append("'\(settings.timeZone)' is not a time zone (use a name like Europe/Berlin).") }
        guard problems.isEmpty else {
            return try await page(req, settings: settings, message: problems.joined(separator: " "), notice: nil).response(status: .unprocessableEntity)
        }
        let admin = try req.deskUser()
        try await req.write { db in
            let before = try await DeskSettings.load(on: db)
            try await settings.save(on: db, at: req.now)
            try await AuditLog.record(
                .settingsChanged, by: .init(admin), subject: "settings", id: "desk", before: before.audited, after: settings.audited, at: req.now, on: db)
        }
        return try await page(req, settings: settings, message: nil, notice: "Settings saved.").response()
    }

    private static func page(_ req: Request, settings: DeskSettings, message: String?, notice: String?) async throws -> Markup {
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: "admin-settings")
        return Layout.desk(req, frame, title: "Settings", main: """
            <div class="page-head"><h1>Settings</h1></div>
            \(AdminPage.messages(message: message, notice: notice))
            <section class="panel inline-panel">
              <form method="post" action="\(WebRoute.admin(.settings))" class="stack narrow-form">\(req.csrfField)
                <label for="desk-name">Desk name</label>
                <input id="desk-name" name="desk_name" required maxlength="80" value="\(settings.deskName)">
                <label for="support-address">Support address <span class="muted small">(where customers write)</span></label>
                <input id="support-address" name="support_address" type="email" value="\(settings.supportAddress)">
                <label for="time-zone">Time zone</label>
                <input id="time-zone" name="time_zone" required value="\(settings.timeZone)" list="zones">
                <datalist id="zones">\(Markup.join(["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo"].map { "<option value=\"\($0)\">" }))</datalist>
                <button type="submit">Save settings</button>
              </form>
            </section>
            """)
    }
}
