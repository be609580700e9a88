import Foundation
import Testing
@testable import FrontlineMail

/// Broken and odd messages: each must still yield everything that can be read.
@Suite struct CorpusRobustnessTests {
    @Test func lfOnlyLineEndings() throws {
        let message = try Corpus.message("20-lf-only.eml")
        #expect(message.textBody == "line one\nline two")
        #expect(message.htmlBody == "<p>line one</p>")
    }

    @Test func missingCloseBoundaryKeepsEverything() throws {
        let message = try Corpus.message("21-missing-close-boundary.eml")
        #expect(message.textBody == "First part survives.")
        #expect(message.attachments.first?.filename == "data.bin")
        #expect(message.attachments.first?.data == Array("0123456789abcdef".utf8))
    }

    @Test func boundaryThatNeverAppearsBecomesText() throws {
        let message = try Corpus.message("22-boundary-never-appears.eml")
        #expect(message.textBody.contains("Just some text that was meant to be in a part."))
    }

    @Test func missingBoundaryParameterIsGuessed() throws {
        let message = try Corpus.message("23-missing-boundary-parameter.eml")
        #expect(message.textBody == "Guessed part body.")
    }

    @Test func truncatedBase64KeepsCompleteBytes() throws {
        let message = try Corpus.message("24-truncated-base64.eml")
        #expect(message.attachments.first?.data == Array("Hello World!!".utf8))
    }

    @Test func noBody() throws {
        let message = try Corpus.message("25-no-body.eml")
        #expect(message.subject == "Empty" && message.textBody.isEmpty)
    }

    @Test func hugeHeaderLines() throws {
        let message = try Corpus.message("26-huge-header-line.eml")
        #expect(message.subject.hasPrefix("very long subject very long subject"))
        #expect(message.header("X-Long")?.count == 20_000)
        #expect(message.messageID == "big@example.com")
        #expect(message.textBody == "body\n")
    }

    @Test func nonHeaderLineStartsTheBody() throws {
        let message = try Corpus.message("27-malformed-headers.eml")
        #expect(message.subject == "spaced colon")
        #expect(message.messageID == nil)
        #expect(message.textBody.hasPrefix("This line is not a header and starts the body"))
    }

    @Test func deepNestingIsBounded() throws {
        let message = try Corpus.message("30-nested-deep-multipart.eml")
        #expect(message.subject == "Deep")
        // Beyond the depth limit the rest is kept as an opaque attachment.
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first.map { String(decoding: $0.data, as: UTF8.self).contains("deep text") } == true)
    }

    @Test func duplicateHeadersFirstWins() throws {
        let message = try Corpus.message("33-duplicate-headers.eml")
        #expect(message.from?.email == "first@example.com")
        #expect(message.subject == "First subject")
        #expect(message.headers.all(named: "received").count == 2)
    }

    @Test func mboxEnvelopeLineIsSkipped() throws {
        let message = try Corpus.message("35-mbox-from-line.eml")
        #expect(message.from?.email == "jane@example.com" && message.subject == "mbox")
    }

    @Test func quotedPrintableSoftBreaksAndBadEscapes() throws {
        let message = try Corpus.message("38-qp-soft-breaks.eml")
        #expect(message.textBody == "This is a long line that was wrapped by the encoder and has an invalid =ZZ escape and trailing soft break end.\n")
    }

    @Test func base64WithWhitespaceAndJunk() throws {
        let message = try Corpus.message("44-base64-bad-padding-whitespace.eml")
        #expect(message.textBody == "Hello, world")
    }

    @Test func addressGroupsCommentsAndBareNames() throws {
        let message = try Corpus.message("28-groups-and-comments.eml")
        #expect(message.from == MailAddress(name: "Doe, Jane (Sales)", email: "jane.doe@example.com"))
        #expect(message.to == [
            MailAddress(email: "alice@example.com"), MailAddress(name: "Bob B.", email: "bob@example.com"),
            MailAddress(name: "Carol C", email: "carol@example.com"),
        ])
        #expect(message.cc == [MailAddress(name: "Zoë", email: "zoe@example.com"), MailAddress(name: "Dan Brown", email: "dan@example.com")])
        #expect(message.replyTo == [MailAddress(email: "replies@example.com")])
    }

    @Test func tolerantDateAndMessageIDs() throws {
        let message = try Corpus.message("45-date-variants.eml")
        #expect(message.date == Date(timeIntervalSince1970: 915_166_800))
        #expect(message.messageID == "missing-brackets@example.com")
        #expect(message.inReplyTo == ["a@b"])
    }

    @Test func notAMessageThrows() {
        #expect(throws: MailParseError.empty) { try MessageParser.parse([UInt8]()) }
        #expect(throws: MailParseError.empty) { try MessageParser.parse("\r\n\r\n") }
        #expect(throws: MailParseError.noHeaderBlock) { try MessageParser.parse([0x00, 0xFF, 0x13, 0x37, 0x0A, 0x41]) }
        #expect(throws: MailParseError.noHeaderBlock) { try MessageParser.parse("just some words\nno headers") }
    }

    @Test func everyCorpusFileParses() throws {
        let files = try Corpus.allFiles()
        #expect(files.count >= 40)
        for file in files {
            let message = try Corpus.message(file)
            #expect(!message.headers.isEmpty, "\(file)")
        }
    }
}
