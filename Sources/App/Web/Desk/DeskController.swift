import Fluent
import FrontlineCore
import SQLKit
import Vapor

/// The desk's lists: the built-in views, saved filters, search, and the customer and
/// organization pages.
enum DeskController {
    /// Where a signed-in person lands: agents on their own tickets; leads, managers and admins,
    /// who mostly hold no tickets themselves, on their team's queue (everything open without a team),
    /// never on an empty list that hides the work.
    @Sendable static func home(req: Request) async throws -> Response {
        let user = try req.deskUser()
        guard user.role > .agent else { return req.redirect(to: WebRoute.desk(.view(.value(.mine)))) }
        let inATeam = try await TeamMembership.query(on: req.db).filter(\.$userId == (try user.requireID())).first() != nil
        return req.redirect(to: WebRoute.desk(.view(.value(inATeam ? .team : .open))))
    }

    @Sendable static func view(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("view"), let kind = DeskViewKind(rawValue: raw) else { throw WebError.notFound("view") }
        var parameters = req.queryParameters
        parameters["view"] = kind.rawValue
        let query = try DeskListQuery(parameters: parameters)
        let page = try await DeskListPage.load(req, query: query, title: kind.title, active: kind.rawValue, basePath: WebRoute.desk(.view(.value(kind))).path)
        return page.render(req).response()
    }

    // MARK: saved filters

    struct SaveFilterForm: Content {
        let name: String?
        let query: String?
    }

    @Sendable static func savedFilter(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("filterID", of: "saved filter")
        guard let filter = try await SavedFilter.find(id, on: req.db), filter.userId == user.id else {
            throw WebError.notFound("saved filter")
        }
        var parameters = parse(filter.query)
        // The page position and sort come from the link; the filter itself from what was saved.
        for key in ["after", "sort"] { if let value = req.queryParameters[key] { parameters[key] = value } }
        let query = try DeskListQuery(parameters: parameters)
        let page = try await DeskListPage.load(
            req, query: query, title: filter.name, active: "saved:\(id.uuidString)", basePath: WebRoute.desk(.filter(.value(id))).path,
            savedFilterId: id)
        return page.render(req).response()
    }

    @Sendable static func saveFilter(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let form = try req.content.decode(SaveFilterForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else { throw WebError.badRequest("A saved filter needs a name of 1 to 80 characters.") }
        // Store only what the list understands, checked now rather than when it is next opened.
        let query = try DeskListQuery(parameters: parse(form.query ?? "")).filterQuery
        let filter = SavedFilter(userId: try user.requireID(), name: name, query: query, at: req.now)
        try await req.write { db in try await filter.create(on: db) }
        return req.redirect(to: WebRoute.desk(.filter(.value(try filter.requireID()))))
    }

    @Sendable static func deleteFilter(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("filterID", of: "saved filter")
        let userId = try user.requireID()
        try await req.write { db in
            try await SavedFilter.query(on: db).filter(\.$id == id).filter(\.$userId == userId).delete()
        }
        return req.redirect(to: WebRoute.desk(.view(.value(.mine))))
    }

    static func parse(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for item in URLComponents(string: "?" + query)?.queryItems ?? [] { parameters[item.name] = item.value ?? "" }
        return parameters
    }

    // MARK: search

    /// A ticket number (`1042` or `#1042`) opens that ticket; any other text searches subjects and
    /// messages (a portable LIKE for now).
    @Sendable static func search(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let text = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if let number = Int(digits), number > 0,
            try await Ticket.query(on: req.db).filter(\.$number == number).first() != nil
        {
            return req.redirect(to: WebRoute.desk(.ticket(.value(number))))
        }
        var frame = try await DeskFrame.load(req, user: user, active: "search")
        frame.query = text
        var tickets: [Ticket] = []
        if text.count >= 2 {
            // LIKE's wildcards are dropped rather than escaped: the two databases escape differently.
            let words = text.lowercased().filter { $0 != "%" && $0 != "_" }
            let pattern = "%" + words + "%"
            tickets = try await TicketSearch.run(pattern: pattern, on: req.db)
        }
        let names = try await DeskNames.load(for: tickets, on: req.db)
        let hint: Markup = text.count < 2 ? "<p class=\"muted\">Type at least two characters, or a ticket number.</p>" : .empty
        return Layout.desk(req, frame, title: "Search", main: """
            <div class="page-head"><h1>Search: \(text)</h1></div>
            \(hint)
            \(TicketRows.table(tickets, names: names, caption: "Search results", now: req.now, empty: "No ticket matches."))
            """).response()
    }

    // MARK: people

    @Sendable static func customer(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("customerID", of: "customer")
        guard let customer = try await Customer.find(id, on: req.db) else { throw WebError.notFound("customer") }
        let organization = try await customer.organizationId.asyncMap { try await Organization.find($0, on: req.db) } ?? nil
        let tickets = try await Ticket.query(on: req.db).filter(\.$requesterId == id).sort(\.$number, .descending).limit(200).all()
        let names = try await DeskNames.load(for: tickets, on: req.db)
        let frame = try await DeskFrame.load(req, user: user, active: "customer")
        let org: Markup = organization.map { "<p>Organization: <a href=\"\(WebRoute.desk(.organization(.value($0.id ?? UUID()))))\">\($0.name)</a></p>" } ?? .empty
        let phone: Markup = customer.phone.map { "<p>Phone: \($0)</p>" } ?? .empty
        return Layout.desk(req, frame, title: customer.name, main: """
            <div class="page-head"><h1>\(customer.name)</h1></div>
            <section class="panel inline-panel"><p>\(customer.email)</p>\(phone)\(org)
              <p class="muted small">Customer since \(Format.absolute(customer.createdAt, zone: .gmt)) · \(tickets.count) tickets</p></section>
            \(TicketRows.table(tickets, names: names, caption: "Tickets of \(customer.name)", now: req.now, empty: "No tickets yet."))
            """).response()
    }

    @Sendable static func organization(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let id = try req.id("organizationID", of: "organization")
        guard let organization = try await Organization.find(id, on: req.db) else { throw WebError.notFound("organization") }
        let people = try await Customer.query(on: req.db).filter(\.$organizationId == id).sort(\.$name).limit(200).all()
        let tickets = try await Ticket.query(on: req.db).filter(\.$organizationId == id).sort(\.$number, .descending).limit(200).all()
        let names = try await DeskNames.load(for: tickets, on: req.db)
        let frame = try await DeskFrame.load(req, user: user, active: "organization")
        let members: [Markup] = people.map { "<li><a href=\"\(WebRoute.desk(.customer(.value($0.id ?? UUID()))))\">\($0.name)</a> <span class=\"muted small\">\($0.email)</span></li>" }
        let domain: Markup = organization.domain.map { "<p>Domain: \($0)</p>" } ?? .empty
        return Layout.desk(req, frame, title: organization.name, main: """
            <div class="page-head"><h1>\(organization.name)</h1></div>
            <section class="panel inline-panel">\(domain)<h2>People</h2><ul class="plain-list columns">\(members)</ul></section>
            \(TicketRows.table(tickets, names: names, caption: "Tickets of \(organization.name)", now: req.now, empty: "No tickets yet."))
            """).response()
    }
}

/// Text search over subjects and messages: a portable, case-insensitive LIKE (full-text search is
/// a later step).
enum TicketSearch {
    static func run(pattern: String, on db: any Database) async throws -> [Ticket] {
        let sql = try db.sql
        let bySubject = try await sql.select().column("id").from(Ticket.schema)
            .where(SQLFunction("lower", args: SQLIdentifier("subject")), .like, SQLBind(pattern))
            .orderBy("number", .descending).limit(50).all().map { try $0.decode(column: "id", as: UUID.self) }
        let byMessage = try await sql.select().column("ticket_id").from(Message.schema)
            .where(SQLFunction("lower", args: SQLIdentifier("body")), .like, SQLBind(pattern))
            .orderBy("id", .descending).limit(200).all().map { try $0.decode(column: "ticket_id", as: UUID.self) }
        let ids = Array(Set(bySubject + byMessage))
        guard !ids.isEmpty else { return [] }
        let tickets = try await Ticket.query(on: db).filter(\.$id ~~ ids).all()
        return Array(tickets.sorted { $0.number > $1.number }.prefix(50))
    }
}
