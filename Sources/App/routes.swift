import Vapor

/// Every route of Frontline, grouped by section, so the whole surface reads on one screen.
func routes(_ app: Application) throws {
    app.get("healthz", use: HealthController.live)
    app.get("readyz", use: HealthController.ready)
    app.get("metrics", use: HealthController.metrics)

    let api = app.grouped("api", "v1")
    app.get("openapi.json", use: OpenAPIController.document)
    api.get("openapi.json", use: OpenAPIController.document)
    api.post("tokens", use: TokensController.create)
    api.post("setup", use: SetupController.completeAPI)

    let authed = api.grouped(BearerAuthenticator())

    let tickets = authed.grouped("tickets")
    tickets.post(use: TicketsController.create)
    tickets.get(use: TicketsController.list)
    tickets.get(":ticketID", use: TicketsController.show)
    tickets.patch(":ticketID", use: TicketsController.update)
    tickets.post(":ticketID", "messages", use: TicketsController.addMessage)
    tickets.get(":ticketID", "messages", use: TicketsController.messages)
    tickets.post(":ticketID", "assign", use: TicketsController.assign)
    tickets.post(":ticketID", "handoffs", use: TicketsController.handOff)
    tickets.get(":ticketID", "events", use: TicketsController.events)

    tickets.get(":ticketID", "attachments", use: AttachmentsController.list)
    tickets.get(":ticketID", "participants", use: AttachmentsController.participants)
    authed.get("attachments", ":attachmentID", use: AttachmentsController.download)

    let mail = authed.grouped("mail")
    mail.on(.POST, "inbound", body: .collect(maxSize: "40mb"), use: MailController.inbound)
    mail.get("inbound", use: MailController.list)
    mail.post("inbound", ":mailID", "retry", use: MailController.retry)
    mail.get("outbox", use: MailController.outbox)

    let users = authed.grouped("users")
    users.get(use: UsersController.list)
    users.post(use: UsersController.create)
    users.get(":userID", use: UsersController.show)
    users.patch(":userID", use: UsersController.update)
    users.delete(":userID", use: UsersController.delete)

    let teams = authed.grouped("teams")
    teams.get(use: TeamsController.list)
    teams.post(use: TeamsController.create)
    teams.get(":teamID", use: TeamsController.show)
    teams.patch(":teamID", use: TeamsController.update)
    teams.delete(":teamID", use: TeamsController.delete)
    teams.post(":teamID", "members", use: TeamsController.addMember)
    teams.delete(":teamID", "members", ":userID", use: TeamsController.removeMember)

    let customers = authed.grouped("customers")
    customers.get(use: CustomersController.list)
    customers.post(use: CustomersController.create)
    customers.get(":customerID", use: CustomersController.show)
    customers.patch(":customerID", use: CustomersController.update)
    customers.delete(":customerID", use: CustomersController.delete)

    let organizations = authed.grouped("organizations")
    organizations.get(use: OrganizationsController.list)
    organizations.post(use: OrganizationsController.create)
    organizations.get(":organizationID", use: OrganizationsController.show)
    organizations.patch(":organizationID", use: OrganizationsController.update)
    organizations.delete(":organizationID", use: OrganizationsController.delete)

    // People and department health: duty log, coaching, team roles, learning, voice of the
    // customer, kudos, skills and careers, emotional load.
    let duties = authed.grouped("duties")
    duties.post(use: DutiesController.create)
    duties.get(use: DutiesController.list)
    duties.get(":dutyID", use: DutiesController.show)
    duties.patch(":dutyID", use: DutiesController.update)
    duties.delete(":dutyID", use: DutiesController.delete)
    duties.post(":dutyID", "occurrences", use: DutiesController.addOccurrence)
    duties.get(":dutyID", "occurrences", use: DutiesController.occurrences)

    let settings = authed.grouped("settings")
    settings.get("department-health", use: SettingsController.show)
    settings.patch("department-health", use: SettingsController.update)

    let coaching = authed.grouped("coaching-sessions")
    coaching.post(use: CoachingController.create)
    coaching.get(use: CoachingController.list)
    coaching.get(":sessionID", use: CoachingController.show)
    coaching.post(":sessionID", "acknowledge", use: CoachingController.acknowledge)
    tickets.post(":ticketID", "coaching-queue", use: CoachingQueueController.add)
    authed.get("coaching-queue", use: CoachingQueueController.list)

    authed.get("role-profile", "questions", use: RoleProfileController.questions)
    users.put(":userID", "role-profile", use: RoleProfileController.put)
    users.get(":userID", "role-profile", use: RoleProfileController.show)
    teams.get(":teamID", "role-mix", use: RoleProfileController.roleMix)

    let learning = authed.grouped("learning-entries")
    learning.post(use: LearningController.create)
    learning.get(use: LearningController.list)
    learning.get(":entryID", use: LearningController.show)
    learning.post(":entryID", "promote", use: LearningController.promote)
    authed.get("kb", "articles", use: KBArticlesController.list)
    authed.get("kb", "articles", ":articleID", use: KBArticlesController.show)

    let insights = authed.grouped("insights")
    insights.post(use: InsightsController.create)
    insights.get(use: InsightsController.list)
    insights.get("export.csv", use: InsightsController.export)
    insights.get(":insightID", use: InsightsController.show)
    insights.patch(":insightID", use: InsightsController.update)
    insights.post(":insightID", "tickets", use: InsightsController.addTicket)

    let frictions = authed.grouped("policy-frictions")
    frictions.post(use: PolicyFrictionsController.create)
    frictions.get(use: PolicyFrictionsController.list)
    frictions.get(":frictionID", use: PolicyFrictionsController.show)
    frictions.post(":frictionID", "tickets", use: PolicyFrictionsController.addTicket)

    let kudos = authed.grouped("kudos")
    kudos.post(use: KudosController.give)
    kudos.get(use: KudosController.feed)
    kudos.post("from-customer", use: KudosController.fromCustomer)
    kudos.get("highlights", use: KudosHighlightsController.highlights)
    users.get(":userID", "kudos", use: KudosController.wall)

    authed.get("skills", use: SkillsController.catalogue)
    users.get(":userID", "skills", use: SkillsController.list)
    users.post(":userID", "skills", use: SkillsController.assess)
    users.post(":userID", "skills", ":skillID", "confirm", use: SkillsController.confirm)

    let projects = authed.grouped("projects")
    projects.post(use: ProjectsController.create)
    projects.get(use: ProjectsController.list)
    projects.get(":projectID", use: ProjectsController.show)
    projects.patch(":projectID", use: ProjectsController.update)
    projects.post(":projectID", "members", use: ProjectsController.addMember)

    let careerMoves = authed.grouped("career-moves")
    careerMoves.post(use: CareerMovesController.create)
    careerMoves.get(use: CareerMovesController.list)
    careerMoves.get("alumni", use: CareerMovesController.alumni)

    users.get(":userID", "profile", use: ProfileController.show)
    users.get(":userID", "emotional-load", use: EmotionalLoadController.person)

    let reports = authed.grouped("reports")
    reports.get("department-health", use: HealthReportsController.departmentHealth)
    reports.get("coaching", use: HealthReportsController.coaching)
    reports.get("coaching", "uncoached", use: CoachingQueueController.uncoached)
    reports.get("emotional-load", use: EmotionalLoadController.team)
    reports.get("policy-friction", use: PolicyFrictionsController.report)

    app.get("setup", use: SetupController.form)
    app.post("setup", use: SetupController.completeForm)
}
