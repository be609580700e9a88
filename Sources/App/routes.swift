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

    app.get("setup", use: SetupController.form)
    app.post("setup", use: SetupController.completeForm)
}
