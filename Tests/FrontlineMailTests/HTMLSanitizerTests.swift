import Testing
@testable import FrontlineMail

/// XSS vectors in the shapes of the OWASP filter-evasion cheat sheet.
@Suite struct HTMLSanitizerTests {
    static let vectors: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.test/xss.js></SCRIPT>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<a href=\"java&Tab;script&colon;alert(1)\">x</a>",
        "<a href=\"&#1;javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
        "<BODY ONLOAD=alert('XSS')>",
        "<IMG SRC=x onerror=\"alert(1)\">",
        "<img src=x onerror=alert(1)//",
        "<svg/onload=alert('XSS')>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert('XSS'));\">x</div>",
        "<STYLE>@import'http://xss.test/xss.css';</STYLE>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<SCRIPT/XSS SRC=\"http://xss.test/xss.js\"></SCRIPT>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<a href=\"javascript&#x3A;alert(1)\">x</a>",
        "<a href=\"  JAVASCRIPT:alert(1)\">x</a>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<a href=\"https://ok.test\" onclick=\"alert(1)\">x</a>",
        "<div id=\"x\" class=\"y\" onmouseover=\"alert(1)\">x</div>",
        "<xss onafterscriptexecute=alert(1)><script>1</script>",
        "<title><img src=x onerror=alert(1)></title>",
        "<template><img src=x onerror=alert(1)></template>",
        "<img src=\"x\" srcset=\"javascript:alert(1)\">",
    ]

    @Test(arguments: vectors)
    func neutralises(vector: String) {
        let output = HTMLSanitizer.sanitize(vector).lowercased()
        #expect(!output.contains("<script"), "\(output)")
        #expect(!output.contains("javascript:"), "\(output)")
        #expect(!output.contains("vbscript:"), "\(output)")
        #expect(!output.contains("data:text"), "\(output)")
        #expect(!output.contains("svg"), "\(output)")
        #expect(!output.contains(" on"), "\(output)")
        #expect(!output.contains("style"), "\(output)")
        for tag in ["iframe", "object", "embed", "form", "input", "button", "meta", "link", "base", "textarea", "img src=\"x\" onerror"] {
            #expect(!output.contains("<" + tag), "\(output)")
        }
        #expect(isWellFormed(output), "\(output)")
    }

    @Test func keepsFormattingAndSafeLinks() {
        let input = "<p>Hello <b>there</b> <a href=\"https://x.test/?a=1&amp;b=2\" title=t>link</a><br>"
            + "<font color=red>red</font><table><tr><td colspan=2>c</td></tr></table></p>"
        #expect(HTMLSanitizer.sanitize(input) == "<p>Hello <b>there</b> <a title=\"t\" href=\"https://x.test/?a=1&amp;b=2\" "
            + "rel=\"noopener noreferrer nofollow\" target=\"_blank\">link</a><br><span>red</span>"
            + "<table><tr><td colspan=\"2\">c</td></tr></table></p>")
    }

    @Test func mailtoLinksAllowed() {
        #expect(HTMLSanitizer.sanitize("<a href='MAILTO:a@b.test'>m</a>").contains("href=\"MAILTO:a@b.test\""))
    }

    @Test func remoteImagesBlockedUnlessAllowed() {
        let html = "<img src=\"https://tracker.test/p.gif\">"
        #expect(HTMLSanitizer.sanitize(html)
            == "<img data-blocked-src=\"https://tracker.test/p.gif\" alt=\"[remote image blocked]\">")
        #expect(HTMLSanitizer.sanitize(html, allowRemoteImages: true) == "<img src=\"https://tracker.test/p.gif\">")
    }

    @Test func dataAndContentIDImages() {
        #expect(HTMLSanitizer.sanitize("<img src=\"data:image/png;base64,AAAA\">") == "<img src=\"data:image/png;base64,AAAA\">")
        #expect(HTMLSanitizer.sanitize("<img src=\"cid:a%40b\">", contentIDURL: { "/files/\($0)" }) == "<img src=\"/files/a@b\">")
        #expect(HTMLSanitizer.sanitize("<img src=\"cid:zzz\">", contentIDURL: { _ in nil }) == "<img src=\"cid:zzz\">")
    }

    @Test func closesEverythingAndEscapesText() {
        #expect(HTMLSanitizer.sanitize("<div><p>a < b & c > d") == "<div><p>a &lt; b &amp; c &gt; d</p></div>")
        #expect(HTMLSanitizer.sanitize("</div>x</p>") == "x")
        #expect(HTMLSanitizer.sanitize("<b><i>x</b>y</i>") == "<b><i>x</i></b>y")
        #expect(HTMLSanitizer.sanitize("<p title='\"><script>'>t</p>") == "<p title=\"&quot;&gt;&lt;script&gt;\">t</p>")
    }

    @Test func hostileNestingIsLinear() {
        let html = String(repeating: "<div>", count: 50_000) + String(repeating: "<a <a ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = HTMLSanitizer.sanitize(html) }
        #expect(elapsed < .seconds(5))
        #expect(isWellFormed(HTMLSanitizer.sanitize(html)))
    }

    @Test func plainTextFromHTML() {
        #expect(HTMLText.plainText(fromHTML: "<p>Hello&nbsp;<b>World</b></p><p>Second   para</p>") == "Hello World\n\nSecond para")
        #expect(HTMLText.plainText(fromHTML: "a<br>b<div>c</div>") == "a\nb\nc")
        #expect(HTMLText.plainText(fromHTML: "<a href=\"https://x.test\">site</a> <a href=\"mailto:a@b.c\">a@b.c</a>")
            == "site (https://x.test) a@b.c")
        #expect(HTMLText.plainText(fromHTML: "<style>p{}</style><pre>  keep\n  this</pre>") == "  keep\n  this")
        #expect(HTMLText.plainText(fromHTML: "&lt;tag&gt; &amp; &#233;&#x20AC;") == "<tag> & é€")
    }

    /// Every start tag the sanitiser emits is closed in order (void tags aside).
    private func isWellFormed(_ html: String) -> Bool {
        var stack: [String] = []
        var tokenizer = HTMLTokenizer(html)
        while let token = tokenizer.next() {
            switch token {
            case .startTag(let name, _, _) where !HTMLAllowList.voidElements.contains(name):
                stack.append(name)
            case .endTag(let name):
                guard stack.popLast() == name else { return false }
            default:
                break
            }
        }
        return stack.isEmpty
    }
}
