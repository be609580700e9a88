/// What a bounce (RFC 3464 delivery status notification) says about a message
/// we sent: which recipients failed, why, and whether retrying can help.
public struct DeliveryStatus: Sendable, Hashable {
    /// One recipient's outcome from a per-recipient block.
    public struct Recipient: Sendable, Hashable {
        /// The address from Final-Recipient (or Original-Recipient), lowercased.
        public var email: String
        /// "failed", "delayed", "delivered", "relayed" or "expanded".
        public var action: String
        /// The enhanced status code (RFC 3463), e.g. "5.1.1".
        public var status: String
        /// The remote server's words, e.g. "smtp; 550 5.1.1 User unknown".
        public var diagnosticCode: String?

        public var isPermanentFailure: Bool {
            status.hasPrefix("5") || (status.isEmpty && action == "failed")
        }
    }

    /// Message-ID (without brackets) of our message that bounced, from the
    /// returned headers; the key for finding the ticket.
    public var originalMessageID: String?
    public var reportingMTA: String?
    public var recipients: [Recipient]

    /// True when some recipient failed for good (5.x.x): stop sending to it.
    public var isPermanent: Bool {
        recipients.contains { $0.isPermanentFailure }
    }

    /// True when delivery is only delayed or failed temporarily (4.x.x).
    public var isTransient: Bool {
        !isPermanent && recipients.contains { $0.status.hasPrefix("4") || $0.action == "delayed" }
    }
}

/// Reads the message/delivery-status part: a block of per-message fields, then
/// one block per recipient, separated by empty lines (RFC 3464 §2.1).
enum DeliveryStatusParser {
    static func parse(_ body: [UInt8]) -> (reportingMTA: String?, recipients: [DeliveryStatus.Recipient]) {
        var reportingMTA: String? = nil
        var recipients: [DeliveryStatus.Recipient] = []
        var rest = body[...]
        var guardCount = 0
        while !rest.isEmpty, guardCount < 1_000 {
            guardCount += 1
            let block = HeaderBlock.parse(rest)
            if block.bodyStart <= rest.startIndex {
                // A line that is not a field: skip it rather than give up on the report.
                rest = rest[Bytes.lineEnd(in: rest, from: rest.startIndex).next...]
                continue
            }
            rest = rest[block.bodyStart...]
            let fields = block.headers
            if let mta = fields.first(named: "Reporting-MTA") {
                reportingMTA = typedValue(mta.value)
            }
            guard let recipientField = fields.first(named: "Final-Recipient") ?? fields.first(named: "Original-Recipient")
            else { continue }
            let status = fields.first(named: "Status").map { typedValue($0.value) } ?? ""
            recipients.append(DeliveryStatus.Recipient(
                email: typedValue(recipientField.value).lowercased().strippingCharacters("<>"),
                action: fields.first(named: "Action")?.value.trimmingBlanks().lowercased() ?? "",
                status: String(status.prefix { $0.isNumber || $0 == "." }),
                diagnosticCode: fields.first(named: "Diagnostic-Code")?.value.trimmingBlanks()
            ))
        }
        return (reportingMTA, recipients)
    }

    /// "rfc822; user@example.com" → "user@example.com".
    private static func typedValue(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingBlanks() }
        return String(value[value.index(after: semicolon)...]).trimmingBlanks()
    }
}

extension String {
    func strippingCharacters(_ characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) { result.removeFirst() }
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return String(result)
    }
}
