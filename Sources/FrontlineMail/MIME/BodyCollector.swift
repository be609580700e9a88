/// Walks a MIME tree and decides what is body text, what is HTML and what is
/// an attachment, following how mail clients display messages:
/// alternative → one rendering of each kind; related → the root plus inline
/// resources; mixed → inline text parts in order plus attachments; report →
/// the human-readable part plus the machine-readable status.
struct BodyCollector {
    var textParts: [String] = []
    var htmlParts: [String] = []
    var attachments: [MailAttachment] = []
    var attachedMessages: [ParsedMessage] = []
    var deliveryStatus: DeliveryStatus?
    /// Message-ID from a returned message or returned headers inside a report.
    var returnedMessageID: String?

    mutating func collect(_ part: MIMEPart) {
        switch part.mimeType {
        case "multipart/alternative":
            collectAlternative(part)
        case "multipart/related":
            collectRelated(part)
        case "multipart/report":
            collectReport(part)
        case let type where type.hasPrefix("multipart/"):
            for child in part.children { collect(child) }
        case "message/rfc822", "message/global":
            addAttachedMessage(part)
        case "text/plain" where !isAttachment(part):
            textParts.append(part.decodedText)
        case "text/html" where !isAttachment(part):
            htmlParts.append(part.decodedText)
        default:
            addAttachment(part, inline: part.disposition?.value == "inline" && part.contentID != nil)
        }
    }

    /// Parts are alternatives of each other: keep the last (richest) plain and
    /// HTML rendering; other kinds (text/calendar, text/watch-html) are attachments.
    private mutating func collectAlternative(_ part: MIMEPart) {
        var bestText: [String]? = nil
        var bestHTML: [String]? = nil
        for child in part.children {
            var sub = BodyCollector()
            if child.mimeType == "text/plain" || child.mimeType == "text/html" || child.isMultipart {
                sub.collect(child)
            } else {
                sub.addAttachment(child, inline: false)
            }
            if !sub.textParts.isEmpty { bestText = sub.textParts }
            if !sub.htmlParts.isEmpty { bestHTML = sub.htmlParts }
            absorbNonBody(sub)
        }
        textParts += bestText ?? []
        htmlParts += bestHTML ?? []
    }

    /// The root (first part, or the one named by `start`) is the body; the rest
    /// are resources it refers to, usually images by `cid:`.
    private mutating func collectRelated(_ part: MIMEPart) {
        let startID = part.contentType[parameter: "start"].flatMap { MessageIDList.parse($0).first }
        let rootIndex = part.children.firstIndex { startID != nil && $0.contentID == startID } ?? 0
        for (index, child) in part.children.enumerated() {
            if index == rootIndex {
                collect(child)
            } else if child.isMultipart {
                collect(child)
            } else {
                let isInline = !child.isAttachmentDisposition && (child.contentID != nil || child.disposition?.value == "inline")
                addAttachment(child, inline: isInline)
            }
        }
    }

    private mutating func collectReport(_ part: MIMEPart) {
        for (index, child) in part.children.enumerated() {
            switch child.mimeType {
            case "message/delivery-status", "message/global-delivery-status":
                let status = DeliveryStatusParser.parse(child.decodedBody)
                deliveryStatus = DeliveryStatus(
                    originalMessageID: nil, reportingMTA: status.reportingMTA, recipients: status.recipients
                )
                addAttachment(child, inline: false)
            case "text/rfc822-headers", "message/rfc822-headers":
                let block = HeaderBlock.parse(child.decodedBody[...])
                returnedMessageID = returnedMessageID ?? block.headers.first(named: "Message-ID")
                    .flatMap { MessageIDList.parse($0.rawValue).first }
                addAttachment(child, inline: false)
            case "message/rfc822", "message/global":
                addAttachedMessage(child)
                returnedMessageID = returnedMessageID ?? attachedMessages.last?.messageID
            default:
                if index == 0 { collect(child) } else { addAttachment(child, inline: false) }
            }
        }
    }

    private mutating func addAttachedMessage(_ part: MIMEPart) {
        let message = part.children.first.map(MessageAssembler.message(from:))
        var attachment = makeAttachment(part, inline: false)
        if part.filename == nil, let subject = message?.subject, !subject.isEmpty {
            attachment = MailAttachment(
                filename: Self.safeFilename(subject) + ".eml", contentType: attachment.contentType,
                data: attachment.data, contentID: attachment.contentID, isInline: false
            )
        }
        attachments.append(attachment)
        if let message { attachedMessages.append(message) }
    }

    private mutating func addAttachment(_ part: MIMEPart, inline: Bool) {
        attachments.append(makeAttachment(part, inline: inline))
    }

    private func makeAttachment(_ part: MIMEPart, inline: Bool) -> MailAttachment {
        MailAttachment(
            filename: part.filename.map(Self.safeFilename)
                ?? MailAttachment.fallbackFilename(for: part.mimeType, index: attachments.count + 1),
            contentType: part.mimeType,
            data: part.decodedBody,
            contentID: part.contentID,
            isInline: inline
        )
    }

    private func isAttachment(_ part: MIMEPart) -> Bool {
        part.isAttachmentDisposition || (part.filename != nil && part.disposition?.value != "inline")
    }

    private mutating func absorbNonBody(_ other: BodyCollector) {
        attachments += other.attachments
        attachedMessages += other.attachedMessages
        deliveryStatus = deliveryStatus ?? other.deliveryStatus
        returnedMessageID = returnedMessageID ?? other.returnedMessageID
    }

    /// Filenames come from strangers: no paths, no control characters, bounded length.
    static func safeFilename(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(lastComponent.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        cleaned = cleaned.trimmingBlanks()
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        if cleaned.isEmpty { return "attachment" }
        return String(cleaned.prefix(200))
    }
}
