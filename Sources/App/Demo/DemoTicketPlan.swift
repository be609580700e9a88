import Fluent
import FrontlineCore
import Foundation

/// The story of one demo ticket, decided up front and then played through `TicketDesk`.
struct DemoTicketPlan: Sendable {
    enum Step: Sendable {
        case assign(to: User)
        case reply(by: User, text: String, status: TicketStatus?)
        case customerReply(text: String)
        case note(by: User, text: String)
        case handOff(by: User, to: User, team: Team?, note: String)
        case status(by: User, TicketStatus)
    }

    let new: TicketDesk.NewTicket
    let requester: Customer
    let createdAt: Date
    let steps: [(Date, Step)]

    static func make(index: Int, random: inout DemoRandom, customers: [Customer], people: DemoDesk.People, now: Date) -> Self {
        let requester = customers[Int.random(in: 0..<customers.count, using: &random)]
        let (subject, body, teamIndex, tags) = random.pick(DemoScript.requests)
        let createdAt = now.addingTimeInterval(-Double.random(in: 600...(90 * 86_400), using: &random))
        let channel: TicketChannel = random.weighted([(.email, 45), (.web, 20), (.portal, 10), (.phone, 15), (.chat, 7), (.api, 3)])
        let priority: TicketPriority = random.weighted([(.low, 15), (.normal, 60), (.high, 20), (.urgent, 5)])
        var new = TicketDesk.NewTicket(subject: subject, body: body, requesterEmail: requester.email, requesterName: requester.name)
        new.channel = channel
        new.priority = priority
        new.tags = tags
        new.teamId = people.teams[teamIndex].id

        var steps: [(Date, Step)] = []
        var clock = createdAt
        func later(_ minutes: ClosedRange<Double>, _ random: inout DemoRandom) -> Date {
            clock = clock.addingTimeInterval(Double.random(in: minutes, using: &random) * 60)
            return clock
        }
        var owner = random.pick(people.agentsByTeam[teamIndex])
        var team = teamIndex
        steps.append((later(2...180, &random), .assign(to: owner)))
        steps.append((later(5...240, &random), .reply(by: owner, text: random.pick(DemoScript.agentReplies), status: .pending)))

        // Most tickets change hands at most once; some are bounced around, as seed 003 tells.
        let bounces = random.chance(0.08) ? Int.random(in: 3...6, using: &random) : (random.chance(0.25) ? 1 : 0)
        for _ in 0..<bounces {
            steps.append((later(60...1_440, &random), .customerReply(text: random.pick(DemoScript.customerReplies))))
            let moveTeam = random.chance(0.5)
            if moveTeam { team = (team + Int.random(in: 1...2, using: &random)) % people.teams.count }
            let receiver = random.pick(people.agentsByTeam[team].filter { $0.id != owner.id })
            steps.append((later(10...300, &random), .handOff(
                by: owner, to: receiver, team: moveTeam ? people.teams[team] : nil, note: random.pick(DemoScript.handoffNotes))))
            owner = receiver
            if random.chance(0.5) { steps.append((later(5...120, &random), .note(by: owner, text: random.pick(DemoScript.notes)))) }
        }
        if random.chance(0.6) {
            steps.append((later(30...2_880, &random), .customerReply(text: random.pick(DemoScript.customerReplies))))
            steps.append((later(10...600, &random), .reply(by: owner, text: random.pick(DemoScript.agentReplies), status: nil)))
        }
        let age = now.timeIntervalSince(createdAt) / 86_400
        if age > 3 {
            steps.append((later(60...2_880, &random), .status(by: owner, random.chance(0.85) ? .solved : .pending)))
            if age > 14, random.chance(0.7) { steps.append((later(4_320...10_080, &random), .status(by: owner, .closed))) }
        }
        return DemoTicketPlan(new: new, requester: requester, createdAt: createdAt, steps: steps.filter { $0.0 < now })
    }

    func play(on db: any Database) async throws {
        let channelActor: Actor = new.channel == .phone || new.channel == .api ? .system : .customer(requester)
        let ticket = try await TicketDesk(on: db, actor: channelActor, at: createdAt).create(new)
        for (at, step) in steps {
            switch step {
            case .assign(let owner):
                try await TicketDesk(on: db, actor: .user(owner), at: at).assign(ticket, to: owner)
            case .reply(let user, let text, let status):
                _ = try await TicketDesk(on: db, actor: .user(user), at: at)
                    .addMessage(to: ticket, body: text, visibility: .public, channel: ticket.channel, statusAfter: status)
            case .customerReply(let text):
                _ = try await TicketDesk(on: db, actor: .customer(requester), at: at)
                    .addMessage(to: ticket, body: text, visibility: .public, channel: ticket.channel)
            case .note(let user, let text):
                _ = try await TicketDesk(on: db, actor: .user(user), at: at)
                    .addMessage(to: ticket, body: text, visibility: .internal, channel: ticket.channel)
            case .handOff(let user, let receiver, let team, let note):
                try await TicketDesk(on: db, actor: .user(user), at: at).handOff(ticket, toUser: receiver, toTeam: team, note: note)
            case .status(let user, let status):
                try await TicketDesk(on: db, actor: .user(user), at: at).update(ticket, with: .init(status: status))
            }
        }
    }
}
