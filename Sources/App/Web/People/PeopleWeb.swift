import Fluent
import FrontlineCore
import Vapor

/// A form of a people page that was refused: which form, why, and what was typed, so the page can
/// be shown again with the reason next to that form and nothing lost.
struct FormProblem: Sendable {
    let form: String
    let message: String
    let values: [String: String]

    /// What was typed into `name` of `form`, or `fallback` when this problem is about another form.
    static func value(_ problem: FormProblem?, _ form: String, _ name: String, _ fallback: String = "") -> String {
        guard let problem, problem.form == form else { return fallback }
        return problem.values[name] ?? fallback
    }

    /// The reason, shown at the top of `form` when the problem is about it.
    static func alert(_ problem: FormProblem?, _ form: String) -> Markup {
        guard let problem, problem.form == form else { return .empty }
        return "<p class=\"form-error\" role=\"alert\">\(problem.message)</p>"
    }
}

/// What the people pages share: reading forms, answering them (303 on success, the page again
/// with 422 and the reason when a rule refuses), and writing names, days and minutes.
enum PeopleWeb {
    /// A urlencoded form as field name → value (without the CSRF token).
    static func form(_ req: Request) throws -> [String: String] {
        var fields = (try? req.content.decode([String: String].self)) ?? [:]
        fields["_csrf"] = nil
        return fields
    }

    /// Runs `change` in one write and redirects to `success` (303). When a rule refuses what was
    /// typed (400, 409, 422) the page is drawn again by `page` with the reason, with that status;
    /// a refusal of the person (403, 404) is shown as the error page.
    static func submit(
        _ req: Request, form: String, values: [String: String], success: @escaping @Sendable (String?) -> WebLink,
        page: (FormProblem) async throws -> Markup,
        _ change: @escaping @Sendable (any Database) async throws -> String?
    ) async throws -> Response {
        let result: String?
        do {
            result = try await req.write { db in try await change(db) }
        } catch let error as any FrontlineError where [.badRequest, .conflict, .unprocessableEntity].contains(error.status) {
            let problem = FormProblem(form: form, message: error.reason, values: values)
            return try await page(problem).response(status: error.status)
        }
        return req.redirect(to: success(result), redirectType: .normal)
    }

    /// A whole number typed into a form; blank is nil, anything else not a number is refused.
    static func int(_ raw: String?, field: String) throws -> Int? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let value = Int(raw) else { throw PeopleError.invalid(field: field, reason: "\(label(field)) must be a whole number") }
        return value
    }

    /// An id chosen in a form; blank is nil.
    static func uuid(_ raw: String?, field: String) throws -> UUID? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw PeopleError.invalid(field: field, reason: "Pick a \(label(field)) from the list.") }
        return id
    }

    /// Blank text is nil, so optional fields stay unset.
    static func text(_ raw: String?) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return raw
    }

    /// Ticket numbers typed as "12, #34 56": the tickets' ids; an unknown number is refused by name.
    static func ticketIds(_ raw: String?, field: String, on db: any Database) async throws -> [UUID] {
        let parts = (raw ?? "").split { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == ";" }
            .map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }
            .filter { !$0.isEmpty }
        var ids: [UUID] = []
        for part in parts {
            guard let number = Int(part), number > 0 else {
                throw PeopleError.invalid(field: field, reason: "Ticket numbers are whole numbers, like 1042; '\(part)' is not one.")
            }
            guard let ticket = try await Ticket.query(on: db).filter(\.$number == number).first() else {
                throw PeopleError.invalid(field: field, reason: "There is no ticket #\(number).")
            }
            ids.append(try ticket.requireID())
        }
        return ids
    }

    /// Ticket numbers by id, for links.
    static func ticketNumbers(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await Ticket.query(on: db).filter(\.$id ~~ unique).all().map { (try $0.requireID(), $0.number) })
    }

    /// Names by id.
    static func names(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ unique).all().map { (try $0.requireID(), $0.name) })
    }

    /// The active staff the viewer may see, by name: for pickers of "whose log".
    static func visiblePeople(to viewer: User, on db: any Database) async throws -> [User] {
        let query = User.query(on: db).filter(\.$active == true).sort(\.$name)
        if let visible = try await PeopleAccess.visiblePeople(to: viewer, on: db) { query.filter(\.$id ~~ Array(visible)) }
        return try await query.all()
    }

    /// `<option>`s of people, the chosen one selected.
    static func personOptions(_ people: [User], selected: String?, blank: String? = nil) -> Markup {
        let blankOption: [(String, String)] = blank.map { [("", $0)] } ?? []
        return Format.options(blankOption + people.map { ($0.id?.uuidString ?? "", $0.name) }, selected: selected)
    }

    /// A link to a ticket by number, or nothing.
    static func ticketLink(_ id: UUID?, _ numbers: [UUID: Int]) -> Markup {
        guard let id, let number = numbers[id] else { return .empty }
        return "<a href=\"\(WebRoute.desk(.ticket(.value(number))))\">#\(number)</a>"
    }

    /// A link to someone's profile.
    static func person(_ id: UUID, _ names: [UUID: String]) -> Markup {
        "<a href=\"\(WebRoute.people(.profile(.value(id))))\">\(names[id] ?? "Someone")</a>"
    }

    /// "2 Nov 2026" for a stored day.
    static func day(_ day: String) -> String {
        let date = Days.start(of: day)
        var style = Date.FormatStyle(date: .abbreviated, time: .omitted)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    /// "1 h 30 min", "45 min": minutes as people say them.
    static func minutes(_ value: Double) -> String {
        let total = Int(value.rounded())
        if total < 60 { return "\(total) min" }
        let hours = total / 60, rest = total % 60
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// "62%", or "–" when there is nothing to divide.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// A field name as a person reads it: "ticket_ids" → "ticket ids".
    static func label(_ field: String) -> String {
        field.replacingOccurrences(of: "_", with: " ")
    }

    /// Capitalised words of a stored value: "going_the_extra_mile" → "Going the extra mile".
    static func words(_ raw: String) -> String {
        let text = raw.replacingOccurrences(of: "_", with: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The frame and page of a people page.
    static func page(_ req: Request, active: String, title: String, main: Markup) async throws -> Markup {
        let frame = try await DeskFrame.load(req, user: try req.deskUser(), active: active)
        return Layout.desk(req, frame, title: title, main: main)
    }
}
