import Foundation

/// The people pages, under `/desk/people`: growth, coaching, the department's health and the
/// voice of the customer.
enum PeopleRoute: Sendable, Hashable {
    case me
    case profile(Parameter<UUID>)
    case kudos
    case duties
    case duty(Parameter<UUID>)
    case deleteDuty(Parameter<UUID>)
    case dutyOccurrences(Parameter<UUID>)
    case health
    case healthCSV
    case coaching
    case coachingSession(Parameter<UUID>)
    case acknowledgeSession(Parameter<UUID>)
    case sessionActionDone(session: Parameter<UUID>, action: Parameter<UUID>)
    case roleProfile
    case learning
    case promoteLearning(Parameter<UUID>)
    case insights
    case insightsCSV
    case insightTickets(Parameter<UUID>)
    case insightStatus(Parameter<UUID>)
    case frictions
    case frictionTickets(Parameter<UUID>)
    case skills
    case confirmSkill(user: Parameter<UUID>, skill: Parameter<UUID>)
    case projects
    case project(Parameter<UUID>)
    case joinProject(Parameter<UUID>)
    case careers
    case alumni
    case load

    var segments: [RouteSegment] {
        switch self {
        case .me: ["me"]
        case let .profile(id): [.parameter("userID", id)]
        case .kudos: ["kudos"]
        case .duties: ["duties"]
        case let .duty(id): ["duties", .parameter("dutyID", id)]
        case let .deleteDuty(id): ["duties", .parameter("dutyID", id), "delete"]
        case let .dutyOccurrences(id): ["duties", .parameter("dutyID", id), "occurrences"]
        case .health: ["health"]
        case .healthCSV: ["health.csv"]
        case .coaching: ["coaching"]
        case let .coachingSession(id): ["coaching", .parameter("sessionID", id)]
        case let .acknowledgeSession(id): ["coaching", .parameter("sessionID", id), "acknowledge"]
        case let .sessionActionDone(session, action):
            ["coaching", .parameter("sessionID", session), "actions", .parameter("actionID", action), "done"]
        case .roleProfile: ["role-profile"]
        case .learning: ["learning"]
        case let .promoteLearning(id): ["learning", .parameter("entryID", id), "promote"]
        case .insights: ["insights"]
        case .insightsCSV: ["insights.csv"]
        case let .insightTickets(id): ["insights", .parameter("insightID", id), "tickets"]
        case let .insightStatus(id): ["insights", .parameter("insightID", id), "status"]
        case .frictions: ["frictions"]
        case let .frictionTickets(id): ["frictions", .parameter("frictionID", id), "tickets"]
        case .skills: ["skills"]
        case let .confirmSkill(user, skill): [.parameter("userID", user), "skills", .parameter("skillID", skill), "confirm"]
        case .projects: ["projects"]
        case let .project(id): ["projects", .parameter("projectID", id)]
        case let .joinProject(id): ["projects", .parameter("projectID", id), "join"]
        case .careers: ["careers"]
        case .alumni: ["alumni"]
        case .load: ["load"]
        }
    }
}
