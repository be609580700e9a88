import NIOConcurrencyHelpers
import Vapor

/// Sends a customer their one-time portal sign-in link: by SMTP when `SMTP_URL` is set
/// (`SMTPPortalLinkMailer`); otherwise the default mailer writes the link to the log (notice level,
/// so a desk without mail still works) and keeps the latest ones in memory, where tests read them.
protocol PortalLinkMailer: Sendable {
    func send(link: String, to email: String, name: String, at now: Date, logger: Logger) async throws
}

/// The default mailer: the log and an in-memory capture.
struct LoggingPortalLinkMailer: PortalLinkMailer {
    let capture: PortalLinkCapture

    func send(link: String, to email: String, name: String, at now: Date, logger: Logger) async throws {
        // `link` is a bare path when no public address is configured: say so rather than guess one.
        let hint = link.hasPrefix("/") ? " (FRONTLINE_PUBLIC_URL is not set: open this path on the desk's address)" : ""
        logger.notice("portal sign-in link for \(email): \(link)\(hint)")
        capture.record(email: email, link: link)
    }
}

/// The latest links sent, newest last. Bounded: a desk without mail runs for months, and every
/// link asked for would otherwise stay in memory for the life of the process.
final class PortalLinkCapture: Sendable {
    static let defaultCapacity = 100

    private let capacity: Int
    private let links = NIOLockedValueBox<[(email: String, link: String)]>([])

    init(capacity: Int = PortalLinkCapture.defaultCapacity) {
        self.capacity = capacity
    }

    func record(email: String, link: String) {
        links.withLockedValue { links in
            links.append((EmailAddress.normalized(email), link))
            if links.count > capacity { links.removeFirst(links.count - capacity) }
        }
    }

    func latest(for email: String) -> String? {
        let email = EmailAddress.normalized(email)
        return links.withLockedValue { $0.last { $0.email == email }?.link }
    }

    /// How many links are kept.
    var count: Int { links.withLockedValue { $0.count } }
}

extension Application {
    private struct MailerKey: StorageKey {
        typealias Value = any PortalLinkMailer
    }

    private struct CaptureKey: StorageKey {
        typealias Value = PortalLinkCapture
    }

    /// What the logging mailer has sent (read by tests).
    var portalLinkCapture: PortalLinkCapture {
        guard let capture = storage[CaptureKey.self] else { preconditionFailure("useWebDesk() sets up the capture") }
        return capture
    }

    /// Sets up the web app's services; called once from `configure`, before any request.
    func useWebDesk() {
        storage[CaptureKey.self] = PortalLinkCapture()
    }

    /// The mailer of portal links; replace it to deliver real mail.
    var portalLinkMailer: any PortalLinkMailer {
        get { storage[MailerKey.self] ?? LoggingPortalLinkMailer(capture: portalLinkCapture) }
        set { storage[MailerKey.self] = newValue }
    }
}
