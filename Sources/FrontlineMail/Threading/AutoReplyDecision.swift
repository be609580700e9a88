/// Whether Frontline may send an automatic reply (acknowledgement, out-of-hours
/// notice) to a message, and if not, why: the reason is logged on the ticket.
public enum AutoReplyDecision: Sendable, Hashable {
    case allowed
    case refused(AutoReplyRefusal)

    public var isAllowed: Bool {
        self == .allowed
    }
}

/// Why an automatic reply must not be sent (RFC 3834 §2 and common practice).
public enum AutoReplyRefusal: String, Sendable, Hashable, CaseIterable {
    /// Auto-Submitted is present and not "no": the message was itself automatic.
    case autoSubmitted = "auto_submitted"
    /// Precedence: bulk, list or junk.
    case bulkPrecedence = "bulk_precedence"
    /// List-Id, List-Unsubscribe and friends: a mailing list, not a person.
    case mailingList = "mailing_list"
    /// A bounce or other delivery status notification.
    case deliveryStatusNotification = "delivery_status_notification"
    /// No usable sender, the null sender "<>", or a robot mailbox.
    case robotSender = "robot_sender"
    /// The sender is one of our own addresses: replying would loop.
    case ownAddress = "own_address"
    /// Vendor headers that mark auto-responders or ask for no auto-replies.
    case autoResponderHeader = "auto_responder_header"
}
