import Foundation
import Testing
@testable import FrontlineMail

@Suite struct ComposerTests {
    let date = Date(timeIntervalSince1970: 1_741_600_000)

    func reply(html: String? = nil) -> OutboundMail {
        OutboundMail(
            from: MailAddress(name: "Frontline Support", email: "support@frontline.test"),
            to: [MailAddress(name: "Jörg Müller", email: "jorg@example.com")],
            cc: [MailAddress(name: "Smith, John", email: "john@example.com")],
            replyTo: MailAddress(email: "reply+1042@frontline.test"),
            subject: "[#1042] Ihre Anfrage zur Rückerstattung — Bestätigung mit sehr langem Betreff, der gefaltet werden muss 🎉",
            textBody: "Hallo Jörg,\n.leading dot\nFrom here\nline with trailing space \n" + String(repeating: "ä", count: 120),
            htmlBody: html,
            messageID: "reply-1@frontline.test",
            inReplyTo: "CAreply@mail.gmail.com",
            references: ["plain-1@example.com", "CAreply@mail.gmail.com"],
            extraHeaders: [("Auto-Submitted", "auto-replied"), ("Bad: Name", "x")]
        )
    }

    @Test func roundTripPlain() throws {
        let mail = reply()
        let bytes = mail.rendered(date: date)
        let parsed = try MessageParser.parse(bytes)
        #expect(parsed.from == mail.from)
        #expect(parsed.to == mail.to)
        #expect(parsed.cc == mail.cc)
        #expect(parsed.replyTo == [mail.replyTo!])
        #expect(parsed.subject == mail.subject)
        #expect(parsed.messageID == mail.messageID)
        #expect(parsed.inReplyTo == ["CAreply@mail.gmail.com"])
        #expect(parsed.references == mail.references)
        #expect(parsed.date == date)
        #expect(parsed.autoSubmitted == "auto-replied")
        #expect(parsed.header("Bad: Name") == nil)
        #expect(parsed.textBody == mail.textBody + "\n")
    }

    @Test func roundTripHTML() throws {
        let mail = reply(html: "<p>Hallo <b>Jörg</b></p>")
        let parsed = try MessageParser.parse(mail.rendered(date: date))
        #expect(parsed.htmlBody == "<p>Hallo <b>Jörg</b></p>")
        #expect(parsed.textBody == mail.textBody)
    }

    @Test func wireFormatIsStrict() {
        let bytes = reply(html: "<p>x</p>").rendered(date: date)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        // Every LF is part of CRLF, and no line exceeds 78 characters.
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        #expect(text.contains("MIME-Version: 1.0\r\n"))
        #expect(text.contains("Message-ID: <reply-1@frontline.test>\r\n"))
        #expect(text.contains("In-Reply-To: <CAreply@mail.gmail.com>\r\n"))
        #expect(text.contains("Date: Mon, 10 Mar 2025 09:46:40 +0000\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;"))
        #expect(text.contains("\r\n=2Eleading dot\r\n"))
        #expect(text.contains("trailing space=20\r\n"))
        #expect(text.contains("Cc: \"Smith, John\" <john@example.com>"))
    }

    @Test func encodedWordsNeverSplitCharacters() {
        let words = HeaderEncoder.encodedWords(String(repeating: "é🎉", count: 40))
        for word in words.split(separator: " ") {
            #expect(word.utf8.count <= 75)
            let decoded = EncodedWord.decode(String(word))
            #expect(!decoded.contains("\u{FFFD}"))
        }
        #expect(EncodedWord.decode(words) == String(repeating: "é🎉", count: 40))
    }

    @Test func headerInjectionIsNeutralised() throws {
        var mail = reply()
        mail.subject = "Hi\r\nBcc: victim@example.com"
        let parsed = try MessageParser.parse(mail.rendered(date: date))
        #expect(parsed.header("Bcc") == nil)
        #expect(parsed.subject == "Hi Bcc: victim@example.com")
    }

    @Test func messageIDsAreUnique() {
        let ids = (0..<1000).map { _ in MessageID.make(domain: "frontline.test") }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@frontline.test") && !$0.contains("<") })
    }
}
