import NIOConcurrencyHelpers
import Vapor

/// Sends a customer their one-time portal sign-in link: by SMTP when `SMTP_URL` is set
/// (`SMTPPortalLinkMailer`); otherwise the default mailer writes the link to the log (notice level,
/// so a desk without mail still works) and keeps it in memory, where tests read it.
protocol PortalLinkMailer: Sendable {
    func send(link: String, to email: String, name: String, logger: Logger) async throws
}

/// The default mailer: the log and an in-memory capture.
struct LoggingPortalLinkMailer: PortalLinkMailer {
    let capture: PortalLinkCapture

    func send(link: String, to email: String, name: String, logger: Logger) async throws {
        logger.notice("portal sign-in link for \(email): \(link)")
        capture.record(email: email, link: link)
    }
}

/// The links sent so far, newest last, per email address.
final class PortalLinkCapture: Sendable {
    private let links = NIOLockedValueBox<[String: [String]]>([:])

    func record(email: String, link: String) {
        links.withLockedValue { $0[EmailAddress.normalized(email), default: []].append(link) }
    }

    func latest(for email: String) -> String? {
        links.withLockedValue { $0[EmailAddress.normalized(email)]?.last }
    }
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
