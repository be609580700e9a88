import Foundation
import Testing
@testable import FrontlineMail

/// Messages that Python's `email`, Go's enmime and Ruby's mail all read: Frontline must read them too.
@Suite struct CorpusMainstreamParsersTests {
    @Test func aHeaderBlockWhoseFirstLineIsIndentedIsStillAHeaderBlock() throws {
        let message = try Corpus.message("46-first-line-indented.eml")
        #expect(message.returnPath == "lena@example.com")
        #expect(message.from == MailAddress(name: "Lena Lindqvist", email: "lena@example.com"))
        #expect(message.subject == "Scanner jams on every page")
        #expect(message.messageID == "indented.1@example.com")
        #expect(message.textBody.hasPrefix("The scanner jams on every page"))
    }

    @Test func aStrayContinuationBeforeTheFirstFieldIsDropped() throws {
        let message = try Corpus.message("47-first-line-stray-continuation.eml")
        #expect(message.headers.first?.name == "From")
        #expect(message.from?.email == "omar@example.com")
        #expect(message.subject == "Invoice question")
        #expect(message.textBody.hasPrefix("Which invoice is this?"))
    }

    @Test func anEmptyReplyToLeavesFromAsTheSender() throws {
        let message = try Corpus.message("48-empty-reply-to.eml")
        #expect(message.from?.email == "priya@example.com")
        #expect(message.replyTo.allSatisfy { $0.email.isEmpty })
        // Nothing automatic about it: the acknowledgement goes to From.
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ["support@frontline.test"]).isAllowed)
    }

    @Test func aSenderWhoseDomainHasNoDotIsParsed() throws {
        let message = try Corpus.message("49-dotless-domain.eml")
        #expect(message.from == MailAddress(name: "Build Robot Owner", email: "kim@intranet"))
    }

    @Test func aMessageWithoutFromStillParses() throws {
        #expect(try Corpus.message("50-no-sender.eml").from == nil)
        let onBehalf = try Corpus.message("51-sender-without-from.eml")
        #expect(onBehalf.from == nil)
        #expect(onBehalf.sender?.email == "assistant@example.com")
    }

    @Test func ourOwnMessageIDsAreRecognisedAndOthersAreNot() throws {
        let ours = (0..<200).map { _ in MessageID.make(domain: "frontline.test") }
        #expect(ours.allSatisfy(MessageID.isFrontline))
        #expect(MessageID.isFrontline(try #require(try Corpus.message("52-own-message-id-loop.eml").messageID)))
        let theirs = try Corpus.allFiles().filter { $0 != "52-own-message-id-loop.eml" }.compactMap { try Corpus.message($0).messageID }
        #expect(theirs.count > 30)
        #expect(!theirs.contains(where: MessageID.isFrontline))
        for id in ["fl-abc@x", "fl-a.b@x", "fl-A.b.c@x", "fl-a..c@x", "xfl-a.b.c@x", "CAreply@mail.gmail.com", "fl-a.b.c"] {
            #expect(!MessageID.isFrontline(id), "\(id)")
        }
    }
}
