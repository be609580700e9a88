import Foundation

/// Serialises an `OutboundMail` as an RFC 5322 / MIME message.
enum MessageRenderer {
    static func render(_ mail: OutboundMail, date: Date) -> [UInt8] {
        var head = ""
        head += HeaderEncoder.field("Date", rfc5322Date(date))
        head += HeaderEncoder.field("From", HeaderEncoder.address(mail.from))
        if !mail.to.isEmpty {
            head += HeaderEncoder.field("To", mail.to.map(HeaderEncoder.address).joined(separator: ", "))
        }
        if !mail.cc.isEmpty {
            head += HeaderEncoder.field("Cc", mail.cc.map(HeaderEncoder.address).joined(separator: ", "))
        }
        if let replyTo = mail.replyTo {
            head += HeaderEncoder.field("Reply-To", HeaderEncoder.address(replyTo))
        }
        head += HeaderEncoder.field("Subject", HeaderEncoder.unstructured(mail.subject))
        head += HeaderEncoder.field("Message-ID", "<\(mail.messageID)>")
        if let inReplyTo = mail.inReplyTo {
            head += HeaderEncoder.field("In-Reply-To", "<\(inReplyTo)>")
        }
        if !mail.references.isEmpty {
            head += HeaderEncoder.field("References", mail.references.map { "<\($0)>" }.joined(separator: " "))
        }
        for (name, value) in mail.extraHeaders where isValidFieldName(name) {
            head += HeaderEncoder.field(name, HeaderEncoder.unstructured(value))
        }
        head += "MIME-Version: 1.0\r\n"

        var body = ""
        if let html = mail.htmlBody {
            let boundary = "=_frontline_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            head += HeaderEncoder.field("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
            body += "This is a multi-part message in MIME format.\r\n"
            for (type, text) in [("text/plain", mail.textBody), ("text/html", html)] {
                body += "\r\n--\(boundary)\r\n"
                body += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                body += QuotedPrintableEncoder.encode(text)
            }
            body += "\r\n--\(boundary)--\r\n"
        } else {
            head += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            body += QuotedPrintableEncoder.encode(mail.textBody) + "\r\n"
        }
        return Array((head + "\r\n" + body).utf8)
    }

    /// Callers pass names they chose; one with a colon or space would corrupt the header.
    private static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") }
    }

    /// "Tue, 01 Jul 2003 10:52:37 +0000": always UTC so the output does not
    /// depend on the server's time zone.
    static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil-from-days (H. Hinnant).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) +0000"
    }
}
