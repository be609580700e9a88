import Testing
@testable import FrontlineMail

@Suite struct ThreadingTests {
    @Test(arguments: [
        ("[#1042] Printer", 1042), ("Re: Fwd: [#1042] Printer", 1042), ("AW: Printer [ # 1042 ]", 1042),
        ("RE: [EXTERNAL] [#7] x", 7), ("Order #1042", nil), ("[#] nothing", nil), ("[#12a]", nil), ("", nil),
    ] as [(String, Int?)])
    func extractsTicketNumber(subject: String, expected: Int?) {
        #expect(SubjectTag.extractTicketNumber(from: subject) == expected)
    }

    @Test func tagsOnce() {
        #expect(SubjectTag.tagged("Printer", number: 5) == "[#5] Printer")
        #expect(SubjectTag.tagged("Re: [#5] Printer", number: 5) == "Re: [#5] Printer")
        #expect(SubjectTag.tagged(SubjectTag.tagged("Printer", number: 5), number: 5) == "[#5] Printer")
        #expect(SubjectTag.tagged("[#4] Printer", number: 5) == "[#5] Printer")
        #expect(SubjectTag.tagged("", number: 9) == "[#9]")
    }

    @Test func cleanSubject() {
        #expect(SubjectTag.cleanSubject("Re: AW: Fwd: [#5] Printer") == "Printer")
        #expect(SubjectTag.cleanSubject("RE[2]: Printer") == "Printer")
        #expect(SubjectTag.cleanSubject("Meeting: Monday") == "Meeting: Monday")
    }

    @Test func replyTextStripsQuotesAndSignature() {
        #expect(ReplyText.newContent(of: "Thanks!\n\n-- \nJane\nACME") == "Thanks!")
        #expect(ReplyText.newContent(of: "Yes.\n-----Original Message-----\nFrom: x") == "Yes.")
        #expect(ReplyText.newContent(of: "Fine\nOn Mon, 3 Mar 2025, Support\n<s@x> wrote:\n> old") == "Fine")
        #expect(ReplyText.newContent(of: "> only quote") == "> only quote")
    }
}
