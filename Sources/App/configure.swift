import Fluent
import Vapor

/// Builds the application: the one place the executable and every test go through, so tests run
/// the real app.
public func configure(_ app: Application, _ config: FrontlineConfig) async throws {
    app.logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    JSONCoding.configure()
    app.frontlineConfig = config
    app.metrics = AppMetrics()
    app.sidebarCounts = SidebarCounts()
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.decoyPasswordHash = try await app.password.async.hash(Data([UInt8].random(count: 16)).base64EncodedString())
    app.routes.defaultMaxBodySize = "1mb"

    try await app.useDatabase(config)
    for migration in Migrations.all { app.migrations.add(migration) }

    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(APIErrorMiddleware())
    app.middleware.use(NULQueryRefusal())
    app.lifecycle.use(MailDeliveryWorker())
    app.callIntake = CallIntake(app: app)
    app.useWebDesk()
    if let smtp = config.mail.smtp { app.portalLinkMailer = SMTPPortalLinkMailer(smtp: smtp, from: config.mail.from) }
    try routes(app)
    // Innermost, so that a 404 of the router becomes a 405 where only the method is wrong.
    app.middleware.use(MethodNotAllowed(routes: app.routes))
    // Tests drive the scheduler and the call derivations themselves (`Scheduler(app:).tick(now:)`,
    // `CallDerivationQueue(app:).drain()`).
    if app.environment != .testing {
        app.lifecycle.use(SchedulerService())
        app.lifecycle.use(InboundRecoveryWorker())
        let calls = CallDerivationWorker()
        app.callDerivationWorker = calls
        app.lifecycle.use(calls)
    }
}

extension Application {
    private struct ConfigKey: StorageKey {
        typealias Value = FrontlineConfig
    }

    /// The configuration the app was built with.
    public var frontlineConfig: FrontlineConfig {
        get {
            guard let config = storage[ConfigKey.self] else { preconditionFailure("configure() stores the configuration") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}

/// Every migration, in the order they run. Add-only: a shipped migration is never edited.
enum Migrations {
    static let all: [any Migration] = [
        CreateAccounts(),
        CreateTickets(),
        CreateMail(),
        AddMessageHTML(),
        CreateSettings(),
        CreateDuties(),
        CreateCoaching(),
        CreateRoleProfiles(),
        CreateKudos(),
        CreateSkills(),
        CreateProjects(),
        CreateCareerMoves(),
        CreateKnowledgeBase(),
        CreateLearningEntries(),
        CreateVoiceOfCustomer(),
        CreateNotifications(),
        CreateTicketRunaround(),
        CreatePromises(),
        CreateEscalations(),
        CreateSLA(),
        AddCustomerPhoneNumbers(),
        CreateCalls(),
        CreateEntitlements(),
        CreateTicketNumberSequence(),
        CreateWebDesk(),
        AddDeskListIndexes(),
        CreateCallDerivationQueue(),
        AddOutboxNotifications(),
        AddCoachingActionDone(),
        CreateAuditLog(),
        CreateRateLimitCounters(),
        AddMailClaims(),
        AddTagTicketNumbers(),
    ]
}
