/// Turns a message's MIME tree into a `ParsedMessage`: reads the envelope
/// headers and lets `BodyCollector` pick bodies and attachments.
enum MessageAssembler {
    static func message(from root: MIMEPart) -> ParsedMessage {
        let headers = root.headers
        var collector = BodyCollector()
        collector.collect(root)
        var textBody = collector.textParts.joined(separator: "\n\n")
        let htmlBody = collector.htmlParts.isEmpty ? nil : collector.htmlParts.joined(separator: "\n")
        if textBody.isEmpty, let htmlBody {
            textBody = HTMLText.plainText(fromHTML: htmlBody)
        }
        var deliveryStatus = collector.deliveryStatus
        if deliveryStatus != nil, deliveryStatus?.originalMessageID == nil {
            deliveryStatus?.originalMessageID = collector.returnedMessageID
        }
        func addresses(_ name: String) -> [MailAddress] {
            headers.all(named: name).flatMap { AddressListParser.parse($0.rawValue) }
        }
        func lowercasedValue(_ name: String) -> String? {
            headers.first(named: name).map { $0.value.trimmingBlanks().lowercased() }
        }
        return ParsedMessage(
            headers: headers,
            messageID: headers.first(named: "Message-ID").flatMap { header in
                MessageIDList.parse(header.rawValue).first ?? nonEmpty(header.rawValue.trimmingBlanks())
            },
            inReplyTo: headers.first(named: "In-Reply-To").map { MessageIDList.parse($0.rawValue) } ?? [],
            references: headers.all(named: "References").flatMap { MessageIDList.parse($0.rawValue) },
            from: addresses("From").first,
            sender: addresses("Sender").first,
            replyTo: addresses("Reply-To"),
            to: addresses("To"),
            cc: addresses("Cc"),
            returnPath: headers.first(named: "Return-Path").map(Self.returnPath),
            subject: Self.singleLine(headers.first(named: "Subject")?.value ?? ""),
            date: headers.first(named: "Date").flatMap { MailDate.parse($0.rawValue) },
            textBody: textBody,
            htmlBody: htmlBody,
            attachments: collector.attachments,
            attachedMessages: collector.attachedMessages,
            deliveryStatus: deliveryStatus,
            autoSubmitted: lowercasedValue("Auto-Submitted"),
            precedence: lowercasedValue("Precedence"),
            hasListHeaders: headers.contains { header in
                header.name.utf8.count > 5
                    && zip(header.name.utf8, "list-".utf8).allSatisfy { Bytes.lowercased($0) == $1 }
            }
        )
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }

    /// "<>" → "", "<a@b>" → "a@b": the empty string marks a bounce's null sender.
    private static func returnPath(_ header: MailHeader) -> String {
        let value = header.rawValue.trimmingBlanks()
        if let open = value.firstIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            return String(value[value.index(after: open)..<close]).trimmingBlanks().lowercased()
        }
        return value.lowercased()
    }

    /// Subjects are one line for display: stray line breaks from encoded words go.
    private static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\t" }) else { return text.trimmingBlanks() }
        return text.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ").trimmingBlanks()
    }
}
