import Testing
@testable import FrontlineMail

/// Non-UTF-8 mail: every charset ends up as the right Swift text.
@Suite struct CorpusCharsetTests {
    @Test func latin1() throws {
        let message = try Corpus.message("06-iso-8859-1-subject-body.eml")
        #expect(message.subject == "Réclamation n° 5")
        #expect(message.from?.name == "André")
        #expect(message.textBody == "Le colis est arrivé abîmé.\n")
    }

    @Test func windows1252SmartQuotes() throws {
        let message = try Corpus.message("07-windows-1252-smart-quotes.eml")
        #expect(message.textBody == "It’s “broken” € 100\n")
    }

    @Test func koi8r() throws {
        let message = try Corpus.message("08-koi8r.eml")
        #expect(message.subject == "Проблема с заказом")
        #expect(message.from?.name == "Иван")
        #expect(message.textBody == "Здравствуйте, заказ не пришёл.\n")
    }

    @Test func shiftJIS() throws {
        let message = try Corpus.message("09-shift-jis.eml")
        #expect(message.subject == "お問い合わせ")
        #expect(message.textBody == "注文が届きません。")
    }

    @Test func windows1251Base64() throws {
        let message = try Corpus.message("10-windows-1251-base64.eml")
        #expect(message.subject == "Счёт")
        #expect(message.textBody == "Прошу выставить счёт.")
    }

    @Test func iso2022JP() throws {
        let message = try Corpus.message("42-iso-2022-jp.eml")
        #expect(message.subject == "返品")
        #expect(message.textBody.hasPrefix("返品したいです。"))
    }

    @Test func unknownCharsetFallsBackToUTF8() throws {
        let message = try Corpus.message("43-digest-and-unknown-charset.eml")
        #expect(message.subject == "café")
        #expect(message.textBody == "café ok\n")
    }

    @Test func adjacentEncodedWordsJoinAndSplitSequencesMerge() throws {
        let message = try Corpus.message("29-adjacent-encoded-words.eml")
        #expect(message.subject == "😂 smile é plain end")
    }

    @Test func caseInsensitiveHeadersAndValues() throws {
        let message = try Corpus.message("34-case-insensitive-headers.eml")
        #expect(message.from?.email == "upper@example.com")
        #expect(message.subject == "Shouting")
        #expect(message.textBody == "café\n")
    }
}
