import Foundation

/// Every typed web route as registered (parameters as `.key`), so a test can check that each one
/// is served and that nothing is served under the web's prefixes that is not here. A new case of
/// `WebRoute` belongs in this list too; the test finds the route table and this list disagreeing.
extension WebRoute {
    static let all: [WebRoute] = [.home, .signIn, .signOut, .contact, .setup, .asset(.key)]
        + DeskRoute.all.map(WebRoute.desk)
        + PeopleRoute.all.map(WebRoute.people)
        + AdminRoute.all.map(WebRoute.admin)
        + PortalRoute.all.map(WebRoute.portal)
}

extension DeskRoute {
    static let all: [DeskRoute] = [
        .home, .view(.key), .runaround, .promises, .saveFilter, .filter(.key), .deleteFilter(.key), .search,
        .customer(.key), .organization(.key), .document(.key), .ticketStream(.key), .listStream,
    ] + TicketRoute.all.map { DeskRoute.ticket(.key, $0) }
}

extension TicketRoute {
    static let all: [TicketRoute] = [
        .page, .reply, .note, .update, .assign, .handoff, .presence, .addParticipant, .removeParticipant,
        .makePromise, .keepPromise(.key), .cancelPromise(.key), .escalate, .transferNote(call: .key, transfer: .key),
        .attachDocument, .coachingQueue, .learning, .insight, .policyFriction, .customerKudos,
    ]
}

extension PeopleRoute {
    static let all: [PeopleRoute] = [
        .me, .profile(.key), .kudos, .duties, .duty(.key), .deleteDuty(.key), .dutyOccurrences(.key), .health, .healthCSV,
        .coaching, .coachingSession(.key), .acknowledgeSession(.key), .sessionActionDone(session: .key, action: .key),
        .roleProfile, .learning, .promoteLearning(.key), .insights, .insightsCSV, .insightTickets(.key), .insightStatus(.key),
        .frictions, .frictionTickets(.key), .skills, .confirmSkill(user: .key, skill: .key), .projects, .project(.key),
        .joinProject(.key), .careers, .alumni, .load,
    ]
}

extension AdminRoute {
    static let all: [AdminRoute] = [
        .users, .userActive(.key), .teams, .teamMembers(.key), .removeTeamMember(team: .key, user: .key), .tokens,
        .revokeToken(.key), .mail, .retryMail(.key), .settings, .auditLog,
    ]
}

extension PortalRoute {
    static let all: [PortalRoute] = [
        .home, .signIn, .link(.key), .newRequest, .ticket(.key), .ticket(.key, .reply), .ticket(.key, .solve),
        .documents, .document(.key), .password,
    ]
}
