import Fluent
import FrontlineCore
import Vapor

/// Live updates over server-sent events. Each stream polls the database about once a second for
/// rows after the last id it sent, so it works with any number of app instances behind a load
/// balancer: whichever instance stored a message, every stream sees it on its next poll.
enum DeskStream {
    static let pollInterval: Duration = .seconds(1)
    /// Browsers reconnect on their own (with `Last-Event-ID`); a bounded stream frees its
    /// resources even if a proxy keeps a dead connection open.
    static let maxLifetime: Duration = .seconds(300)

    /// `GET /desk/stream/tickets/:number`: new timeline entries of one ticket, and who else has it open.
    @Sendable static func ticket(req: Request) async throws -> Response {
        let user = try req.deskUser()
        let userId = try user.requireID()
        let number = try TicketPageController.number(req)
        guard let ticket = try await Ticket.query(on: req.db).filter(\.$number == number).first() else {
            throw WebError.notFound("ticket")
        }
        let ticketId = try ticket.requireID()
        let start = req.headers.first(name: "Last-Event-ID").flatMap(Int.init) ?? (try? req.query.get(Int.self, at: "since")) ?? 0
        let zone = try await DeskSettings.load(on: req.db).zone
        let once = (try? req.query.get(Int.self, at: "once")) == 1
        let db = req.application.db
        return stream(once: once) { writer, state in
            let events = try await TicketEvent.query(on: db).filter(\.$ticketId == ticketId)
                .filter(\.$id > (state.lastId ?? start)).sort(\.$id).limit(100).all()
            if !events.isEmpty {
                let ids = events.compactMap { $0.timelineEvent?.messageId }
                let messages = ids.isEmpty ? [] : try await Message.query(on: db).filter(\.$id ~~ ids).all()
                let byId = Dictionary(uniqueKeysWithValues: messages.compactMap { m in m.id.map { ($0, m) } })
                for event in events {
                    try await send(writer, event: "entry", id: event.id, data: Timeline.entry(event, messages: byId, zone: zone, now: req.now).html)
                }
                state.lastId = events.last?.id
            }
            let present = try await TicketPresence.query(on: db).filter(\.$ticketId == ticketId)
                .filter(\.$userId != userId).filter(\.$seenAt > req.now.addingTimeInterval(-Presence.freshFor)).all()
            let text = Presence.warning(present)
            if text != state.lastPresence {
                try await send(writer, event: "presence", id: nil, data: text)
                state.lastPresence = text
            }
        }
    }

    /// `GET /desk/stream/list`: tickets that arrive in a view after the page was drawn.
    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.deskUser()
        var query = try DeskListQuery(parameters: req.queryParameters)
        query.after = nil
        let start = req.headers.first(name: "Last-Event-ID").flatMap(Int.init) ?? (try? req.query.get(Int.self, at: "since")) ?? 0
        let teamIds = try await TeamMembership.query(on: req.db).filter(\.$userId == (try user.requireID())).all().map(\.teamId)
        let once = (try? req.query.get(Int.self, at: "once")) == 1
        let db = req.application.db
        let list = DeskList(db: db, user: user, teamIds: teamIds)
        return stream(once: once) { [query] writer, state in
            let arrivals = try await list.arrivals(query, after: state.lastId ?? start)
            guard !arrivals.isEmpty else { return }
            let names = try await DeskNames.load(for: arrivals, on: db)
            for ticket in arrivals {
                try await send(writer, event: "ticket", id: ticket.number, data: TicketRows.row(ticket, names: names, now: req.now).html)
            }
            state.lastId = arrivals.last?.number
        }
    }

    /// What a stream remembers between polls.
    struct State: Sendable {
        var lastId: Int?
        var lastPresence: String?
    }

    private static func stream(
        once: Bool, _ poll: @escaping @Sendable (any AsyncBodyStreamWriter, inout State) async throws -> Void
    ) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "event-stream")
        headers.add(name: .cacheControl, value: "no-store")
        headers.add(name: "X-Accel-Buffering", value: "no")
        let body = Response.Body(asyncStream: { writer in
            var state = State()
            let started = ContinuousClock.now
            do {
                try await writer.write(.buffer(ByteBuffer(string: "retry: 2000\n\n")))
                while true {
                    try await poll(writer, &state)
                    if once || ContinuousClock.now - started > maxLifetime { break }
                    try await Task.sleep(for: pollInterval)
                }
                try await writer.write(.end)
            } catch {
                // The browser went away (or the app is stopping): nothing to tell anyone.
                try? await writer.write(.end)
            }
        })
        return Response(status: .ok, headers: headers, body: body)
    }

    private static func send(_ writer: any AsyncBodyStreamWriter, event: String, id: Int?, data: String) async throws {
        try await writer.write(.buffer(ByteBuffer(string: eventText(event: event, id: id, data: data))))
    }

    /// One server-sent event. Each line of the data goes on its own `data:` line, with lines split
    /// where a browser splits them (`\r\n`, `\r` and `\n`): a bare `\r` in a customer's message
    /// would otherwise end the line in the browser and start a field of the customer's choosing.
    static func eventText(event: String, id: Int?, data: String) -> String {
        var text = "event: \(event)\n"
        if let id { text += "id: \(id)\n" }
        // Swift reads "\r\n" as one Character, so all three breaks are Characters to split on.
        let lines = data.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        for line in lines { text += "data: \(line)\n" }
        return text + "\n"
    }
}
