import Foundation
import Testing
@testable import FrontlineMail

/// Messages shaped like those of the big clients: bodies, attachments, threading.
@Suite struct CorpusClientShapeTests {
    @Test func plainASCII() throws {
        let message = try Corpus.message("01-plain-ascii.eml")
        #expect(message.from == MailAddress(name: "Jane Customer", email: "jane@example.com"))
        #expect(message.to.map(\.email) == ["support@frontline.test"])
        #expect(message.subject == "Printer is broken")
        #expect(message.messageID == "plain-1@example.com")
        #expect(message.date == Date(timeIntervalSince1970: 1_057_049_557))
        #expect(message.textBody == "Hello,\n\nmy printer does not print.\n\nJane\n")
        #expect(message.htmlBody == nil && message.attachments.isEmpty)
    }

    @Test func gmailAlternative() throws {
        let message = try Corpus.message("02-gmail-alternative.eml")
        #expect(message.subject == "Café order — missing item")
        #expect(message.from?.name == "Jörg Müller")
        #expect(message.from?.email == "jorg.muller@gmail.com")
        #expect(message.textBody.hasPrefix("Hi, the café order #77 is missing one item."))
        #expect(message.htmlBody?.contains("<b>missing</b>") == true)
        #expect(message.sanitizedHTML == "<div dir=\"ltr\">Hi, the café order #77 is <b>missing</b> one item.</div>\n")
        #expect(message.attachments.isEmpty)
    }

    @Test func outlookRelatedInlineImage() throws {
        let message = try Corpus.message("03-outlook-related-inline-image.eml")
        #expect(message.inReplyTo == ["ticket-1042-3@frontline.test"])
        #expect(message.references == ["ticket-1042-1@frontline.test", "ticket-1042-3@frontline.test"])
        #expect(SubjectTag.extractTicketNumber(from: message.subject) == 1042)
        #expect(message.from?.name == "Smith, John")
        #expect(message.textBody.hasPrefix("Thanks, see the screenshot."))
        let image = try #require(message.attachments.first)
        #expect(message.attachments.count == 1)
        #expect(image.filename == "image001.png" && image.contentType == "image/png" && image.isInline)
        #expect(image.contentID == "image001.png@01D9ABCD.12345670")
        #expect(image.data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.size == 70)
        let resolved = message.resolvingContentIDs { "/attachments/\($0)" }
        #expect(resolved?.contains("src=\"/attachments/image001.png@01D9ABCD.12345670\"") == true)
        #expect(resolved?.contains("margin") == false)
    }

    @Test func appleMailPDF() throws {
        let message = try Corpus.message("04-apple-mail-mixed-pdf.eml")
        #expect(message.textBody == "Please find the contract attached.\n")
        let pdf = try #require(message.attachments.first)
        #expect(pdf.filename == "contract.pdf" && pdf.contentType == "application/pdf" && !pdf.isInline)
        #expect(pdf.data == Array("%PDF-1.4 fake contract body".utf8))
        #expect(pdf.sha256 == "76272a83a70b13a284fefcf2e164d333e041fe37109b3c38bc8598f9cd57fc6c")
    }

    @Test func thunderbirdRFC2231Filename() throws {
        let message = try Corpus.message("05-thunderbird-rfc2231-filename.eml")
        #expect(message.subject == "Facture détaillée")
        #expect(message.from?.name == "François Dupont")
        #expect(message.textBody.hasPrefix("Voici la facture détaillée."))
        #expect(message.attachments.first?.filename == "été facture très longue avec un nom.pdf")
    }

    @Test func forwardedMessageIsAttachedAndParsed() throws {
        let message = try Corpus.message("19-forwarded-rfc822.eml")
        #expect(message.textBody.hasPrefix("Please handle this one."))
        #expect(message.attachments.first?.filename == "Terrible service.eml")
        #expect(message.attachments.first?.contentType == "message/rfc822")
        let inner = try #require(message.attachedMessages.first)
        #expect(inner.from?.email == "angry@example.net" && inner.messageID == "inner@example.net")
        #expect(inner.textBody.hasPrefix("I waited three weeks!"))
    }

    @Test func signedMessageKeepsBodyAndSignature() throws {
        let message = try Corpus.message("31-signed-smime.eml")
        #expect(message.textBody.hasPrefix("Signed content."))
        #expect(message.attachments.map(\.filename) == ["smime.p7s"])
    }

    @Test func htmlOnlyGetsDerivedText() throws {
        let message = try Corpus.message("32-html-only-with-links.eml")
        #expect(message.textBody == "Order status\n\nSee your order (https://shop.test/o/1) & reply.\n\n- One\n- Two")
        #expect(message.sanitizedHTML?.contains("script") == false)
        #expect(message.sanitizedHTML?.contains("<title>") == false)
    }

    @Test func outlookEncodedWordFilename() throws {
        let message = try Corpus.message("36-outlook-encoded-filename.eml")
        #expect(message.attachments.first?.filename == "Übersicht.xlsx")
    }

    @Test func calendarAlternativeBecomesAttachment() throws {
        let message = try Corpus.message("37-calendar-invite.eml")
        #expect(message.textBody.hasPrefix("You are invited."))
        #expect(message.attachments.map(\.contentType) == ["text/calendar"])
        #expect(message.attachments.first?.filename == "part-1.ics")
    }

    @Test func gmailReplyThreading() throws {
        let message = try Corpus.message("41-gmail-reply-threading.eml")
        #expect(message.inReplyTo == ["ticket-1042-2@frontline.test"])
        #expect(message.references.last == "ticket-1042-2@frontline.test")
        #expect(ReplyText.newContent(of: message.textBody) == "It works now, thanks!")
        #expect(message.date == Date(timeIntervalSince1970: 1_057_086_000))
    }
}
