import FrontlineMail
import Vapor

/// Mails a customer their one-time portal sign-in link through SMTP, at once. A sign-in link is not
/// a promise kept on a clock: if it cannot go out, the customer simply asks again. The page answers
/// the same either way (it must not reveal who our customers are), so a failure is logged — without
/// the link, which would let a log reader sign in as the customer.
struct SMTPPortalLinkMailer: PortalLinkMailer {
    let smtp: SMTPConfiguration
    let from: MailAddress

    func send(link: String, to email: String, name: String, at now: Date, logger: Logger) async throws {
        // A bare path means no public address: a mailed link must not point anywhere else.
        guard !link.hasPrefix("/") else {
            logger.error("portal sign-in link to \(email) not sent: FRONTLINE_PUBLIC_URL is not set")
            return
        }
        let mail = OutboundMail(
            from: from, to: [MailAddress(name: name, email: email)], subject: "Your sign-in link",
            textBody: """
                Hello \(name),

                here is your link to sign in to your support requests. It works once, for 30 minutes:

                \(link)

                If you did not ask for it, ignore this message; nobody can sign in without the link.
                """,
            messageID: MessageID.make(domain: from.domain), extraHeaders: [("Auto-Submitted", "auto-generated")])
        do {
            try await SMTPClient(configuration: smtp).send(from: from.email, to: mail.recipients, message: mail.rendered(date: now))
        } catch {
            logger.error("portal sign-in link to \(email) not sent: \(error.description)")
        }
    }
}
