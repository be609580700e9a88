import Fluent
import FrontlineCore
import Foundation

/// The story of one demo ticket, decided up front and then played through the desk's own rules
/// (`TicketDesk`, `PromiseBook`, `EscalationDesk`, `CallDesk`), so its timeline is exactly what real
/// work would have recorded. Most tickets are solved by their first owner; a few are bounced
/// around, carry a promise that lapsed or an escalation nobody answered: the cases seed 003 tells of.
struct DemoTicketPlan: Sendable {
    enum Step: Sendable {
        case assign(to: User)
        case reply(by: User, text: String, status: TicketStatus?)
        case customerReply(text: String)
        case note(by: User, text: String)
        case handOff(by: User, to: User, team: Team?, note: String)
        case status(by: User, TicketStatus)
        case promise(by: User, kind: PromiseKind, description: String, due: Date)
        /// The owner marks the ticket's pending promise kept (replacements, refunds and others).
        case keepPromise(by: User)
        case escalate(by: User, to: User, reason: String, minutes: Int)
        /// A phone call through the phone system's events; each hold tells a wait (seconds) or not (nil).
        case call(ref: String, agent: User, inbound: Bool, holds: [(seconds: Double, told: Int?)], talk: Double, outcome: String)
    }

    let new: TicketDesk.NewTicket
    let requester: Customer
    let createdAt: Date
    let steps: [(Date, Step)]
    /// When the scheduler must look: a promise or an escalation of this plan lapses then.
    let lapses: [Date]

    static func make(index: Int, random: inout DemoRandom, customers: [Customer], people: DemoDesk.People, now: Date) -> Self {
        let requester = customers[Int.random(in: 0..<customers.count, using: &random)]
        let request = random.pick(DemoScript.requests)
        let createdAt = now.addingTimeInterval(-Double.random(in: 600...(90 * 86_400), using: &random))
        let channel: TicketChannel = random.weighted([(.email, 45), (.web, 20), (.portal, 10), (.phone, 15), (.chat, 7), (.api, 3)])
        let priority: TicketPriority = random.weighted([(.low, 15), (.normal, 60), (.high, 20), (.urgent, 5)])
        var new = TicketDesk.NewTicket(subject: request.subject, body: request.body, requesterEmail: requester.email, requesterName: requester.name)
        new.channel = channel
        new.priority = priority
        new.tags = request.tags
        new.teamId = people.teams[request.team].id

        var steps: [(Date, Step)] = []
        var lapses: [Date] = []
        var clock = createdAt
        func later(_ minutes: ClosedRange<Double>, _ random: inout DemoRandom) -> Date {
            clock = clock.addingTimeInterval(Double.random(in: minutes, using: &random) * 60)
            return clock
        }
        var owner = random.pick(people.agentsByTeam[request.team])
        var team = request.team
        if channel == .phone {
            // The ticket is the phone system's record of the call the agent took.
            let holds: [(seconds: Double, told: Int?)] = random.chance(0.6)
                ? [(Double.random(in: 60...420, using: &random), random.chance(0.7) ? 180 : nil)] : []
            let dropped = random.chance(0.12)
            steps.append((later(0.5...2, &random), .call(
                ref: "demo-call-\(index)", agent: owner, inbound: true, holds: holds,
                talk: Double.random(in: 120...900, using: &random), outcome: dropped ? "dropped" : "resolved")))
            if dropped {
                // The callback promise of a dropped call: mostly kept by calling back in time.
                if random.chance(0.8) {
                    steps.append((later(2...8, &random), .call(
                        ref: "demo-callback-\(index)", agent: owner, inbound: false, holds: [],
                        talk: Double.random(in: 120...600, using: &random), outcome: "resolved")))
                } else {
                    lapses.append(clock.addingTimeInterval(11 * 60))
                }
            }
        }
        steps.append((later(2...180, &random), .assign(to: owner)))
        steps.append((later(5...240, &random), .reply(by: owner, text: request.firstReply, status: .pending)))

        let age = now.timeIntervalSince(createdAt) / 86_400
        let recent = age <= 3
        // A commitment on one ticket in five (half of the recent ones): mostly kept, sometimes
        // broken; on the recent tickets still due, for their owners to keep.
        var pendingPromise: (kind: PromiseKind, due: Date, broken: Bool)?
        if random.chance(recent ? 0.5 : 0.2) {
            let due = recent
                ? now.addingTimeInterval(Double.random(in: 2...30, using: &random) * 3600)
                : clock.addingTimeInterval(Double.random(in: 2...48, using: &random) * 3600)
            let broken = !recent && random.chance(0.05)
            steps.append((later(1...30, &random), .promise(by: owner, kind: request.promise.kind, description: request.promise.description, due: due)))
            pendingPromise = (request.promise.kind, due, broken)
            if broken { lapses.append(due.addingTimeInterval(1)) }
        }

        // Most tickets change hands at most once; some are bounced around, as seed 003 tells.
        let bounces = random.chance(0.05) ? Int.random(in: 3...5, using: &random) : (random.chance(0.2) ? 1 : 0)
        for bounce in 0..<bounces {
            steps.append((later(60...1_440, &random), .customerReply(text: bounce == 0 ? request.followUp : "This is the \(ordinal(bounce + 2)) time I am explaining this. Can someone please call me?")))
            let moveTeam = bounce > 0 && random.chance(0.5)
            if moveTeam { team = (team + Int.random(in: 1...2, using: &random)) % people.teams.count }
            let receiver = random.pick(people.agentsByTeam[team].filter { $0.id != owner.id })
            steps.append((later(10...300, &random), .handOff(
                by: owner, to: receiver, team: moveTeam ? people.teams[team] : nil, note: request.handoffNote)))
            owner = receiver
            if random.chance(0.5) { steps.append((later(5...120, &random), .note(by: owner, text: request.note))) }
        }
        // A ticket bounced that often reaches its team lead, who does not always answer in time.
        if bounces >= 3 {
            let lead = people.leads[team]
            steps.append((later(10...120, &random), .escalate(by: owner, to: lead, reason: request.escalation, minutes: 240)))
            owner = lead
            if random.chance(0.3) { lapses.append(clock.addingTimeInterval(240 * 60 + 1)) } else {
                steps.append((later(20...200, &random), .reply(by: lead, text: "I have taken this over personally. " + request.firstReply, status: .pending)))
            }
        }

        let solved = !recent && random.chance(0.95)
        if let promise = pendingPromise, !promise.broken, !recent {
            // Kept before it falls due: an update by the reply that answers, a callback by a call, the rest by the owner.
            clock = min(clock, promise.due.addingTimeInterval(-1_800))
            switch promise.kind {
            case .update: steps.append((later(1...20, &random), .reply(by: owner, text: request.fix, status: .pending)))
            case .callback:
                steps.append((later(1...20, &random), .call(
                    ref: "demo-promised-\(index)", agent: owner, inbound: false, holds: [], talk: 300, outcome: "resolved")))
            default: steps.append((later(1...20, &random), .keepPromise(by: owner)))
            }
        }
        if solved {
            steps.append((later(30...2_880, &random), .reply(by: owner, text: request.fix, status: .pending)))
            if random.chance(0.7) { steps.append((later(20...1_440, &random), .customerReply(text: request.thanks))) }
            steps.append((later(10...600, &random), .status(by: owner, .solved)))
            if age > 14, random.chance(0.7) { steps.append((later(4_320...10_080, &random), .status(by: owner, .closed))) }
        } else if !recent {
            steps.append((later(60...2_880, &random), .customerReply(text: "Any news? I have not heard back.")))
        }
        let inPast = steps.filter { $0.0 < now }
        return DemoTicketPlan(new: new, requester: requester, createdAt: createdAt, steps: inPast, lapses: lapses.filter { $0 < now })
    }

    private static func ordinal(_ n: Int) -> String {
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"][min(n, 7) - 1]
    }

    func play(on db: any Database, config: FrontlineConfig) async throws {
        let channelActor: Actor = new.channel == .phone || new.channel == .api ? .system : .customer(requester)
        var ticket = try await TicketDesk(on: db, actor: channelActor, at: createdAt).create(new)
        for (at, step) in steps {
            let desk = { (user: User) in TicketDesk(on: db, actor: .user(user), at: at) }
            switch step {
            case .assign(let owner):
                if ticket.ownerId != owner.id { try await desk(owner).assign(ticket, to: owner) }
            case .reply(let user, let text, let status):
                _ = try await desk(user).addMessage(to: ticket, body: text, visibility: .public, channel: ticket.channel, statusAfter: status)
            case .customerReply(let text):
                _ = try await TicketDesk(on: db, actor: .customer(requester), at: at)
                    .addMessage(to: ticket, body: text, visibility: .public, channel: ticket.channel)
            case .note(let user, let text):
                _ = try await desk(user).addMessage(to: ticket, body: text, visibility: .internal, channel: ticket.channel)
            case .handOff(let user, let receiver, let team, let note):
                try await desk(user).handOff(ticket, toUser: receiver, toTeam: team, note: note)
            case .status(let user, let status):
                try await desk(user).update(ticket, with: .init(status: status))
            case .promise(let user, let kind, let description, let due):
                _ = try await PromiseBook(desk: desk(user)).make(
                    on: ticket, kind: kind, description: description, dueAt: due, ownerId: user.id, reminderLead: config.promiseReminderLead)
            case .keepPromise(let user):
                let pending = try await CustomerPromise.query(on: db).filter(\.$ticketId == (try ticket.requireID()))
                    .filter(\.$state == .pending).all()
                // Callbacks are kept by a call and updates by a reply, never by a click.
                for promise in pending where promise.kind != .callback && promise.kind != .update {
                    // Whoever holds the ticket now, the promise's own owner marks it kept.
                    let owner = try await User.find(promise.ownerId, on: db) ?? user
                    _ = try await PromiseBook(desk: desk(owner)).markKept(try promise.requireID(), by: owner)
                }
            case .escalate(let user, let lead, let reason, let minutes):
                _ = try await EscalationDesk(desk: desk(user)).escalate(ticket, toUser: lead, toTeam: nil, reason: reason, targetMinutes: minutes)
            case .call(let ref, let agent, let inbound, let holds, let talk, let outcome):
                try await DemoCall(ref: ref, phone: requester.phoneNormalized, agent: agent, inbound: inbound, holds: holds, talk: talk, outcome: outcome)
                    .play(at: at, on: db, config: config)
                // The call worked on its own copy of the ticket (owner, counters): continue from it.
                ticket = try await TicketDesk(on: db, actor: .system, at: at).ticketForChange(try ticket.requireID())
            }
        }
    }
}
