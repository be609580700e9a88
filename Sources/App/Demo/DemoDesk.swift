import Fluent
import FrontlineCore
import Vapor

/// Fills an empty desk with a living one: 3 teams, 12 agents with their leads and manager,
/// 200 customers in 40 organizations and 1,000 tickets over the past 90 days across channels,
/// with replies, notes and hand-offs, some of them bounced around on purpose. Everything goes
/// through `TicketDesk`, so the timelines are exactly what real work would have recorded.
struct DemoDesk {
    static let password = "frontline-demo"
    static let adminEmail = "admin@demo.frontline.test"

    struct Summary: Sendable {
        let users: Int
        let customers: Int
        let tickets: Int
    }

    let app: Application
    let now: Date
    /// 1,000 for `frontline demo`; tests load fewer to stay fast.
    var ticketCount = 1000

    func load() async throws -> Summary {
        let existingTickets = try await Ticket.query(on: app.db).count()
        let existingUsers = try await User.query(on: app.db).count()
        if existingTickets > 0 || existingUsers > 0 {
            throw RequestError.conflict("the desk already has data; the demo loads into an empty data directory only")
        }
        var random = DemoRandom(seed: 2026)
        let passwordHash = try await app.password.async.hash(Self.password)
        let people = try await app.write { db in try await Self.createPeople(passwordHash: passwordHash, on: db, at: now.addingTimeInterval(-100 * 86_400)) }
        let customers = try await app.write { [random] db in
            var random = random
            return try await Self.createCustomers(random: &random, on: db, at: now.addingTimeInterval(-95 * 86_400))
        }
        try await app.write { [now] db in try await DemoServiceLevels.create(on: db, at: now.addingTimeInterval(-100 * 86_400)) }
        random = DemoRandom(seed: 90)
        var plans: [DemoTicketPlan] = []
        for index in 0..<ticketCount {
            plans.append(DemoTicketPlan.make(index: index, random: &random, customers: customers, people: people, now: now))
        }
        plans.sort { $0.createdAt < $1.createdAt }
        let config = app.frontlineConfig
        for chunk in stride(from: 0, to: plans.count, by: 100) {
            let batch = Array(plans[chunk..<min(chunk + 100, plans.count)])
            try await app.write { db in
                for plan in batch { try await plan.play(on: db, config: config) }
            }
        }
        let warrantyCustomers = plans.filter { $0.new.tags.contains("warranty") }.map(\.requester)
        _ = try await DemoWarranties(app: app, now: now)
            .create(for: Array(Set(warrantyCustomers.compactMap(\.id))).sorted().compactMap { id in customers.first { $0.id == id } }, recordedBy: people.agentsByTeam[2][0])
        // The scheduler, as it would have run: each promise and escalation that lapsed breaks at its due time.
        let scheduler = Scheduler(app: app)
        for moment in plans.flatMap(\.lapses).sorted() { try await scheduler.tick(now: moment) }
        try await scheduler.tick(now: now)
        try await app.write { [people, now] db in try await DemoPeople(people: people, now: now).load(on: db) }
        return Summary(users: people.all.count, customers: customers.count, tickets: plans.count)
    }

    /// The staff of the demo department.
    struct People: Sendable {
        let admin: User
        let manager: User
        let leads: [User]
        let agentsByTeam: [[User]]
        let teams: [Team]
        var all: [User] { [admin, manager] + leads + agentsByTeam.flatMap { $0 } }
    }

    private static func createPeople(passwordHash: String, on db: any Database, at: Date) async throws -> People {
        func person(_ email: String, _ name: String, _ role: UserRole) async throws -> User {
            try await StaffDirectory.create(email: email, name: name, role: role, passwordHash: passwordHash, on: db, at: at)
        }
        let admin = try await person(adminEmail, "Alex Admin", .admin)
        let manager = try await person("maria.manager@demo.frontline.test", "Maria Lindqvist", .manager)
        var teams: [Team] = []
        var leads: [User] = []
        var agentsByTeam: [[User]] = []
        var nameIndex = 0
        for (teamIndex, (name, description)) in DemoScript.teams.enumerated() {
            let team = Team(name: name, description: description, at: at)
            try await team.create(on: db)
            teams.append(team)
            let lead = try await person("lead\(teamIndex + 1)@demo.frontline.test", "\(DemoScript.firstNames[20 + teamIndex]) \(DemoScript.lastNames[teamIndex])", .lead)
            leads.append(lead)
            var agents: [User] = []
            for _ in 0..<4 {
                let first = DemoScript.firstNames[nameIndex]
                let last = DemoScript.lastNames[(nameIndex * 7) % DemoScript.lastNames.count]
                agents.append(try await person("\(first.lowercased().folding(options: .diacriticInsensitive, locale: nil))@demo.frontline.test", "\(first) \(last)", .agent))
                nameIndex += 1
            }
            for member in [lead] + agents {
                try await TeamMembership(teamId: try team.requireID(), userId: try member.requireID(), at: at).create(on: db)
            }
            agentsByTeam.append(agents)
        }
        return People(admin: admin, manager: manager, leads: leads, agentsByTeam: agentsByTeam, teams: teams)
    }

    private static func createCustomers(random: inout DemoRandom, on db: any Database, at: Date) async throws -> [Customer] {
        var customers: [Customer] = []
        for index in 0..<40 {
            let word = DemoScript.companyWords[index % DemoScript.companyWords.count]
            let kind = DemoScript.companyKinds[(index / 2) % DemoScript.companyKinds.count]
            let domain = "\(word.lowercased())-\(kind.lowercased().replacingOccurrences(of: " ", with: ""))\(index).example"
            let organization = Organization(name: "\(word) \(kind)", domain: domain, at: at)
            try await organization.create(on: db)
            for person in 0..<5 {
                let first = random.pick(DemoScript.firstNames)
                let last = random.pick(DemoScript.lastNames)
                let local = "\(first).\(last)\(person)".lowercased().folding(options: .diacriticInsensitive, locale: nil)
                let customer = Customer(
                    email: "\(local)@\(domain)", name: "\(first) \(last)",
                    phone: "+49 30 \(Int.random(in: 1_000_000...9_999_999, using: &random))",
                    organizationId: organization.id, at: at)
                try await customer.create(on: db)
                customers.append(customer)
            }
        }
        return customers
    }
}
