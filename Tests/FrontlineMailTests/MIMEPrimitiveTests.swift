import Foundation
import Testing
@testable import FrontlineMail

@Suite struct MIMEPrimitiveTests {
    @Test(arguments: [
        ("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?V29ybGQ=?=", "HelloWorld"),
        ("=?iso-8859-15?q?=A4uro?=", "€uro"),
        ("=?utf-8*en?Q?caf=C3=A9?= ok", "café ok"),
        ("no =? marker ?= here", "no =? marker ?= here"),
        ("=?utf-8?B?broken", "=?utf-8?B?broken"),
        ("=?windows-1250?Q?=8Akoda?=", "Škoda"),
        ("=?ISO-8859-7?B?5eve?=", "ελή"),
        ("a =?utf-8?q?b?= c", "a b c"),
    ])
    func encodedWords(input: String, expected: String) {
        #expect(EncodedWord.decode(input) == expected)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        #expect(EncodedWord.decode("=?utf-8?B?/w==?=") == "\u{FFFD}")
        #expect(Charset.decode([0x41, 0xFF], charset: "utf-8") == "A\u{FFFD}")
        #expect(Charset.decode([0xE4], charset: "") == "ä")
    }

    @Test func parameters() {
        let value = ParameterizedValue.parse("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf; size=10")
        #expect(value.value == "attachment")
        #expect(value[parameter: "filename"] == "€ rates.pdf")
        #expect(value[parameter: "size"] == "10")
        let quoted = ParameterizedValue.parse("text/plain; name=\"a \\\"b\\\".txt\"; charset=UTF-8")
        #expect(quoted[parameter: "name"] == "a \"b\".txt" && quoted[parameter: "charset"] == "UTF-8")
        let unquoted = ParameterizedValue.parse("application/pdf; name=my report.pdf")
        #expect(unquoted[parameter: "name"] == "my report.pdf")
    }

    @Test(arguments: [
        ("Tue, 1 Jul 2003 10:52:37 +0200", 1_057_049_557.0),
        ("1 Jul 2003 10:52 +0200", 1_057_049_520.0),
        ("Tue,  1 Jul 2003 08:52:37 GMT (UTC)", 1_057_049_557.0),
        ("Tue Jul 1 08:52:37 2003", 1_057_049_557.0),
        ("2003-07-01T08:52:37Z", 1_057_049_557.0),
        ("Tue, 01 Jul 03 01:52:37 PDT", 1_057_049_557.0),
    ])
    func dates(text: String, seconds: Double) {
        #expect(MailDate.parse(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func invalidDatesAreNil() {
        #expect(MailDate.parse("") == nil)
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailDate.parse("32 Foo 2003 99:99:99") == nil)
    }

    @Test func addressEdgeCases() {
        #expect(MailAddress.parseList("<>") == [MailAddress(email: "")])
        #expect(MailAddress.parseList("MAILER-DAEMON").map(\.email) == ["mailer-daemon"])
        #expect(MailAddress.parseList("\"=?utf-8?Q?J=C3=B6rg?=\" <j@x.test>") == [MailAddress(name: "Jörg", email: "j@x.test")])
        #expect(MailAddress.parseList("<@relay.test:user@x.test>").map(\.email) == ["user@x.test"])
        #expect(MailAddress.parseList("a@x.test, , b@x.test").map(\.email) == ["a@x.test", "b@x.test"])
        #expect(MailAddress.parseList("\"a@x.test\" <a@x.test>") == [MailAddress(email: "a@x.test")])
        #expect(MailAddress.parseList("undisclosed-recipients:;").isEmpty)
    }

    @Test func dotStuffingAndLineEndings() {
        let encoded = SMTPDataEncoder.encode(Array("a\n.b\r\n..c\rd".utf8))
        #expect(String(decoding: encoded, as: UTF8.self) == "a\r\n..b\r\n...c\r\nd\r\n.\r\n")
    }

    @Test func smtpReplyFraming() throws {
        var decoder = SMTPReplyDecoder()
        #expect(try decoder.consume(line: Array("250-mail.test greets you\r\n".utf8)) == nil)
        #expect(try decoder.consume(line: Array("250-AUTH PLAIN LOGIN\r\n".utf8)) == nil)
        let reply = try decoder.consume(line: Array("250 8BITMIME\r\n".utf8))
        #expect(reply == SMTPReply(code: 250, lines: ["mail.test greets you", "AUTH PLAIN LOGIN", "8BITMIME"]))
        #expect(SMTPCapabilities(ehloReply: reply).authMechanisms == ["PLAIN", "LOGIN"])
        #expect(throws: SMTPError.self) { try decoder.consume(line: Array("hello\r\n".utf8)) }
    }

    @Test func configurationFromURL() throws {
        let config = try SMTPConfiguration(url: "smtp://us%40er:p%3Ass@mail.example.com:587?starttls=required&helo=desk.example.com")
        #expect(config.host == "mail.example.com" && config.port == 587)
        #expect(config.username == "us@er" && config.password == "p:ss")
        #expect(config.security == .startTLS(.required) && config.heloName == "desk.example.com")
        #expect(try SMTPConfiguration(url: "smtp://relay.local").port == 25)
        #expect(try SMTPConfiguration(url: "smtp://relay.local").security == .startTLS(.auto))
        let implicit = try SMTPConfiguration(url: "smtps://u:p@mail.example.com")
        #expect(implicit.port == 465 && implicit.security == .implicitTLS)
        #expect(throws: SMTPConfigurationError.unsupportedScheme("http")) { try SMTPConfiguration(url: "http://x") }
        #expect(throws: SMTPConfigurationError.invalidStartTLSOption("maybe")) {
            try SMTPConfiguration(url: "smtp://x?starttls=maybe")
        }
        #expect(throws: SMTPConfigurationError.missingHost) { try SMTPConfiguration(url: "smtp://") }
    }
}
