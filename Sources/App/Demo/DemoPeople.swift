import Fluent
import FrontlineCore
import Foundation

/// The people side of the demo desk: duty logs (Front Line and Billing drifting into office work
/// for Sales and Finance), coaching, kudos through the year, learning, insights, policy
/// frictions, skills, projects, role profiles and career moves.
struct DemoPeople {
    let people: DemoDesk.People
    let now: Date

    func load(on db: any Database) async throws {
        var random = DemoRandom(seed: 2002)
        let today = Days.day(of: now)
        let agents = people.agentsByTeam.flatMap { $0 }
        try await duties(today: today, random: &random, on: db)
        try await coaching(today: today, random: &random, on: db)
        try await kudos(agents: agents, random: &random, on: db)
        try await voice(agents: agents, random: &random, on: db)
        try await growth(agents: agents, today: today, random: &random, on: db)
        try await heavyDay(today: today, on: db)
    }

    /// One agent's day today was hard: the tickets they worked are tagged difficult and two were
    /// escalated, so the emotional-load report has someone to suggest a check-in for.
    private func heavyDay(today: String, on db: any Database) async throws {
        let start = Days.start(of: today)
        let replies = try await Message.query(on: db).filter(\.$authorType == Actor.Kind.user.rawValue)
            .filter(\.$createdAt >= start).filter(\.$createdAt <= now).all()
        let byAgent = Dictionary(grouping: replies.filter { $0.authorId != nil }, by: { $0.authorId! })
        guard let (agentId, messages) = byAgent.max(by: { Set($0.value.map(\.ticketId)).count < Set($1.value.map(\.ticketId)).count }),
              let team = people.agentsByTeam.firstIndex(where: { $0.contains { $0.id == agentId } })
        else { return }
        let lead = people.leads[team]
        for (index, ticketId) in Set(messages.map(\.ticketId)).sorted(by: { $0.uuidString < $1.uuidString }).prefix(4).enumerated() {
            let desk = TicketDesk(on: db, actor: .user(lead), at: now)
            let ticket = try await desk.ticketForChange(ticketId)
            guard ticket.status != .closed else { continue }
            let tags = try await TicketTag.query(on: db).filter(\.$ticketId == ticketId).all().map(\.tag)
            try await desk.update(ticket, with: .init(tags: tags + [EmotionalLoadReport.difficultTag]))
            if index < 2 {
                _ = try await EscalationDesk(desk: desk).escalate(
                    ticket, toUser: nil, toTeam: nil, reason: "Customer asked for a manager", targetMinutes: 60)
            }
        }
    }

    private func duties(today: String, random: inout DemoRandom, on db: any Database) async throws {
        for (teamIndex, agents) in people.agentsByTeam.enumerated() {
            for agent in agents {
                for (name, cadence, minutes, category, requestedBy, daysAgo) in DemoPeopleScript.teamDuties[teamIndex] {
                    try await LoggedDuty(
                        userId: try agent.requireID(), name: name, cadence: cadence, minutes: minutes, category: category,
                        requestedBy: requestedBy, startedOn: Days.adding(-daysAgo, to: today), at: now).create(on: db)
                }
            }
            // Billing's agents also order uniforms for Operations now and then (ad hoc).
            if teamIndex == 2, let agent = agents.first {
                let duty = LoggedDuty(
                    userId: try agent.requireID(), name: "Order staff uniforms", cadence: .adHoc, minutes: 45, category: .office,
                    requestedBy: "Operations", startedOn: Days.adding(-90, to: today), at: now)
                try await duty.create(on: db)
                for _ in 0..<6 {
                    let on = Days.adding(-Int.random(in: 1...40, using: &random), to: today)
                    try await DutyOccurrence(dutyId: try duty.requireID(), on: on, minutes: Int.random(in: 30...90, using: &random), at: now).create(on: db)
                }
            }
        }
        for lead in people.leads {
            for (name, cadence, minutes, category, requestedBy) in DemoPeopleScript.leadDuties {
                try await LoggedDuty(userId: try lead.requireID(), name: name, cadence: cadence, minutes: minutes, category: category,
                                     requestedBy: requestedBy, startedOn: Days.adding(-150, to: today), at: now).create(on: db)
            }
        }
        for (name, cadence, minutes, category, requestedBy) in DemoPeopleScript.managerDuties {
            try await LoggedDuty(userId: try people.manager.requireID(), name: name, cadence: cadence, minutes: minutes, category: category,
                                 requestedBy: requestedBy, startedOn: Days.adding(-150, to: today), at: now).create(on: db)
        }
    }

    /// Each lead coaches their agents every week or two; the manager coaches the leads monthly.
    private func coaching(today: String, random: inout DemoRandom, on db: any Database) async throws {
        let tickets = try await Ticket.query(on: db).all()
        let byOwner = Dictionary(grouping: tickets.filter { $0.ownerId != nil }, by: { $0.ownerId! })
        var pairs: [(User, User, Int)] = []
        for (teamIndex, agents) in people.agentsByTeam.enumerated() {
            for agent in agents { pairs.append((people.leads[teamIndex], agent, teamIndex == 0 ? 14 : 8)) }
        }
        for lead in people.leads { pairs.append((people.manager, lead, 28)) }
        for (coach, agent, everyDays) in pairs {
            var daysAgo = Int.random(in: 1...everyDays, using: &random)
            while daysAgo < 90 {
                let session = CoachingSession(
                    coachId: try coach.requireID(), agentId: try agent.requireID(), on: Days.adding(-daysAgo, to: today),
                    minutes: random.pick([20, 30, 30, 45, 60]), notes: "Went through recent tickets together; good progress on tone.", at: now)
                if random.chance(0.7) { session.acknowledgedAt = now; session.agentView = random.chance(0.5) ? "Helpful, I will try the template." : nil }
                try await session.create(on: db)
                let sessionId = try session.requireID()
                try await CoachingTopic(sessionId: sessionId, topic: random.pick(DemoPeopleScript.coachingTopics)).create(on: db)
                if let ticket = byOwner[try agent.requireID()].map({ random.pick($0) }) {
                    try await CoachingTicket(sessionId: sessionId, ticketId: try ticket.requireID()).create(on: db)
                }
                if random.chance(0.5) {
                    let action = CoachingAction(sessionId: sessionId, description: random.pick(DemoPeopleScript.coachingActions),
                                                dueOn: Days.adding(-daysAgo + 14, to: today), position: 0)
                    // Most actions due by now were done, by the agent, a few days before they were due;
                    // the rest show as overdue on the coaching page.
                    if daysAgo > 14, random.chance(0.75) {
                        action.doneAt = Days.start(of: Days.adding(-daysAgo + 10, to: today)).addingTimeInterval(15 * 3600)
                        action.doneBy = try agent.requireID()
                    }
                    try await action.create(on: db)
                }
                daysAgo += everyDays + Int.random(in: 0...4, using: &random)
            }
        }
        // Two tickets wait in the coaching queue.
        for ticket in tickets.filter({ $0.handoffCount >= 3 }).prefix(2) {
            try await CoachingQueueItem(ticketId: try ticket.requireID(), agentId: ticket.ownerId, raisedBy: try people.leads[0].requireID(),
                                        reason: "Bounced around several times; worth discussing warm hand-offs.", at: now).create(on: db)
        }
    }

    /// Kudos all 52 weeks: roughly two a week over the past year, a few of them from customers.
    private func kudos(agents: [User], random: inout DemoRandom, on db: any Database) async throws {
        let staff = agents + people.leads + [people.manager]
        let tickets = try await Ticket.query(on: db).filter(\.$ownerId != nil).limit(200).all()
        for _ in 0..<110 {
            let to = random.pick(staff)
            let from = random.pick(staff.filter { $0.id != to.id })
            let (value, message) = random.pick(DemoPeopleScript.kudosMessages)
            let at = now.addingTimeInterval(-Double.random(in: 3_600...(365 * 86_400), using: &random))
            try await Kudos(toUserId: try to.requireID(), fromUserId: try from.requireID(), source: from.role >= .lead ? .manager : .peer,
                            value: value, message: message, quote: nil, ticketId: nil, messageId: nil, at: at).create(on: db)
        }
        for (index, quote) in DemoPeopleScript.customerQuotes.enumerated() where index < tickets.count {
            let ticket = tickets[index * 7 % tickets.count]
            guard let owner = ticket.ownerId else { continue }
            try await Kudos(toUserId: owner, fromUserId: try people.leads[index % people.leads.count].requireID(), source: .customer,
                            value: .empathy, message: "Thanks from a customer on ticket #\(ticket.number)", quote: quote,
                            ticketId: ticket.id, messageId: nil, at: now.addingTimeInterval(-Double(index + 1) * 5 * 86_400)).create(on: db)
        }
    }

    /// Learning entries (one promoted to a draft article), insights and policy frictions from real demo tickets.
    private func voice(agents: [User], random: inout DemoRandom, on db: any Database) async throws {
        for (index, (about, text)) in DemoPeopleScript.learning.enumerated() {
            let author = agents[index * 3 % agents.count]
            let entry = LearningEntry(authorId: try author.requireID(), about: about, text: text, ticketId: nil, at: now.addingTimeInterval(-Double(index) * 86_400))
            try await entry.create(on: db)
            if index == 0 {
                let article = KBArticle(title: "Clearing error E3 after firmware 4.2", body: text, status: .draft,
                                        sourceLearningEntryId: entry.id, authorId: try author.requireID(), at: now)
                try await article.create(on: db)
                entry.articleId = article.id
                try await entry.save(on: db)
            }
        }
        for (title, product, theme, subject) in DemoPeopleScript.insights {
            let tickets = try await Ticket.query(on: db).filter(\.$subject == subject).limit(12).all()
            guard !tickets.isEmpty else { continue }
            let insight = Insight()
            insight.title = title
            insight.insightDescription = "Raised from \(tickets.count) tickets about \"\(subject)\"."
            insight.product = product
            insight.theme = theme
            insight.status = random.pick([.new, .reviewed, .accepted])
            insight.raisedBy = try random.pick(agents).requireID()
            insight.createdAt = now
            insight.updatedAt = now
            try await insight.create(on: db)
            for ticket in tickets {
                try await InsightTicket(insightId: try insight.requireID(), ticketId: try ticket.requireID(), addedBy: insight.raisedBy, at: now).create(on: db)
            }
        }
        for (policy, description, subject, revenue) in DemoPeopleScript.frictions {
            let tickets = try await Ticket.query(on: db).filter(\.$subject == subject).limit(8).all()
            guard !tickets.isEmpty else { continue }
            let friction = PolicyFriction()
            friction.policy = policy
            friction.frictionDescription = description
            friction.raisedBy = try random.pick(people.agentsByTeam[2]).requireID()
            friction.createdAt = now
            try await friction.create(on: db)
            for ticket in tickets {
                try await PolicyFrictionTicket(frictionId: try friction.requireID(), ticketId: try ticket.requireID(),
                                               revenueAtRiskCents: Int(revenue * 100), addedBy: friction.raisedBy, at: now).create(on: db)
            }
        }
    }

    /// Skills, a project, role profiles and career moves (two alumni who left for other departments).
    private func growth(agents: [User], today: String, random: inout DemoRandom, on db: any Database) async throws {
        var skillIds: [String: UUID] = [:]
        for skill in try await Skill.query(on: db).all() { skillIds[skill.nameNormalized] = skill.id }
        for (index, agent) in agents.enumerated() {
            for (name, kind) in DemoPeopleScript.skills where random.chance(0.6) {
                let skillId: UUID
                if let id = skillIds[name.lowercased()] { skillId = id } else {
                    let skill = Skill(name: name, kind: kind, at: now)
                    try await skill.create(on: db)
                    skillId = try skill.requireID()
                    skillIds[name.lowercased()] = skillId
                }
                let entry = UserSkill(userId: try agent.requireID(), skillId: skillId, selfLevel: Int.random(in: 2...5, using: &random), at: now)
                if random.chance(0.5) {
                    entry.confirmedLevel = max(1, entry.selfLevel - Int.random(in: 0...1, using: &random))
                    entry.confirmedBy = people.leads[index / 4].id
                    entry.confirmedAt = now
                }
                try await entry.create(on: db)
            }
        }
        let project = Project(title: "Why are LX-400 returns so high?", description: "A white paper from the front line for the product team.",
                              leadId: try agents[5].requireID(), status: .active, at: now)
        try await project.create(on: db)
        try await ProjectMember(projectId: try project.requireID(), userId: try agents[5].requireID(), role: .lead, at: now).create(on: db)
        for volunteer in [agents[0], agents[9]] {
            try await ProjectMember(projectId: try project.requireID(), userId: try volunteer.requireID(), role: .volunteer, at: now).create(on: db)
        }
        if let questionnaire = RoleProfileController.questionnaire {
            for agent in agents where random.chance(0.7) {
                var answers: [String: String] = [:]
                for question in questionnaire.questions { answers[question.id] = random.pick(question.choices).id }
                guard let result = try? questionnaire.score(answers: answers) else { continue }
                let profile = RoleProfile()
                profile.userId = try agent.requireID()
                profile.questionnaireVersion = questionnaire.version
                profile.answers = JSONValue.object(answers.mapValues { .string($0) }).storedText
                profile.primaryRole = result.primary.rawValue
                profile.secondaryRole = result.secondary?.rawValue
                profile.updatedAt = now
                try await profile.create(on: db)
            }
        }
        let alumni = [("Rania Haddad", "rania.haddad", "Product manager", "Product management"),
                      ("Tobias Berg", "tobias.berg", "QA engineer", "Quality engineering")]
        for (index, (name, local, title, department)) in alumni.enumerated() {
            let former = try await StaffDirectory.create(email: "\(local)@demo.frontline.test", name: name, role: .agent, passwordHash: nil, on: db, at: now)
            former.active = false
            try await former.save(on: db)
            try await record(move: former, on: Days.adding(-(120 + index * 90), to: today), kind: .move, from: "Senior agent", to: title, department: department, on: db)
        }
        try await record(move: people.leads[0], on: Days.adding(-200, to: today), kind: .promotion, from: "Agent", to: "Team lead", department: nil, on: db)
    }

    private func record(move user: User, on day: String, kind: CareerMoveKind, from: String, to: String, department: String?, on db: any Database) async throws {
        let move = CareerMove()
        move.userId = try user.requireID()
        move.on = day
        move.kind = kind
        move.fromTitle = from
        move.toTitle = to
        move.department = department
        move.note = department.map { "Moved from the front line into \($0): a success of the department." }
        move.recordedBy = try people.manager.requireID()
        move.createdAt = now
        try await move.create(on: db)
    }
}
