import Foundation

/// Mail as real clients send it, for the app's mail tests.
enum MailSamples {
    /// A Thunderbird-shaped first contact: multipart/alternative with an attachment and a
    /// Windows-1252 subject in an RFC 2047 encoded word.
    static func firstContact(from: String = "Zoë Müller <zoe@example.test>", messageID: String = "first.1@client.example.test", cc: String? = nil) -> String {
        """
        From: \(from)\r
        To: Support <support@frontline.test>\r
        \(cc.map { "Cc: \($0)\r\n" } ?? "")Subject: =?windows-1252?Q?Drucker_zeigt_Fehler_E3_=96_bitte_helfen?=\r
        Date: Mon, 23 Nov 2026 09:15:00 +0100\r
        Message-ID: <\(messageID)>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="outer"\r
        \r
        --outer\r
        Content-Type: multipart/alternative; boundary="inner"\r
        \r
        --inner\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        Guten Tag, seit dem Update zeigt unser Drucker E3. Die Rechnung h=C3=A4nge ich an.\r
        --inner\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <p onclick="steal()">Guten Tag, seit dem Update zeigt unser Drucker <b>E3</b>.</p><script>alert(1)</script>\r
        --inner--\r
        --outer\r
        Content-Type: application/pdf; name="rechnung.pdf"\r
        Content-Disposition: attachment; filename="rechnung.pdf"\r
        Content-Transfer-Encoding: base64\r
        \r
        JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCg==\r
        --outer--\r

        """
    }

    /// A plain reply in a thread.
    static func reply(from: String = "zoe@example.test", subject: String, inReplyTo: String?, messageID: String, body: String = "Es geht immer noch nicht.", headers: String = "") -> String {
        """
        From: \(from)\r
        To: support@frontline.test\r
        Subject: \(subject)\r
        Message-ID: <\(messageID)>\r
        \(inReplyTo.map { "In-Reply-To: <\($0)>\r\nReferences: <\($0)>\r\n" } ?? "")\(headers)Content-Type: text/plain; charset=utf-8\r
        \r
        \(body)\r

        """
    }

    /// A Postfix-shaped delivery status notification about `original`.
    static func bounce(original: String, recipient: String) -> String {
        """
        From: MAILER-DAEMON@mx.example.test (Mail Delivery System)\r
        To: support@frontline.test\r
        Subject: Undelivered Mail Returned to Sender\r
        Auto-Submitted: auto-replied\r
        Message-ID: <bounce.\(original)>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain\r
        \r
        I'm sorry to have to inform you that your message could not be delivered.\r
        --b\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mx.example.test\r
        \r
        Final-Recipient: rfc822; \(recipient)\r
        Action: failed\r
        Status: 5.1.1\r
        Diagnostic-Code: smtp; 550 5.1.1 <\(recipient)>: Recipient address rejected: User unknown\r
        --b\r
        Content-Type: text/rfc822-headers\r
        \r
        From: support@frontline.test\r
        To: \(recipient)\r
        Message-ID: <\(original)>\r
        Subject: Re: [#1001] Drucker\r
        --b--\r

        """
    }
}
