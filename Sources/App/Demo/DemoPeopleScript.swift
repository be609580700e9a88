import FrontlineCore

/// The words of the demo's people data: duties (some handed over by Sales and Finance, as seed 002
/// warns), coaching topics, kudos, learning, insights and policy frictions.
enum DemoPeopleScript {
    /// (name, cadence, minutes, category, requested by, days ago it started) for every agent of a team.
    static let teamDuties: [[(String, DutyCadence, Int, DutyCategory, String?, Int)]] = [
        // Front Line drifts: Sales hands over contract data entry.
        [("Answer the queue", .daily, 300, .customer, nil, 200),
         ("Enter sales contracts into the CRM", .daily, 150, .office, "Sales", 70),
         ("Weekly order-status report for Sales", .weekly, 90, .office, "Sales", 50)],
        [("Answer the queue", .daily, 330, .customer, nil, 200),
         ("Firmware release notes review", .weekly, 60, .development, nil, 120)],
        // Billing & Returns drifts: Finance hands over invoicing chores.
        [("Answer the queue", .daily, 240, .customer, nil, 200),
         ("Chase unpaid invoices", .daily, 120, .office, "Finance", 60),
         ("Month-end billing reconciliation", .monthly, 480, .office, "Finance", 100)],
    ]

    static let leadDuties: [(String, DutyCadence, Int, DutyCategory, String?)] = [
        ("Queue review and escalations", .daily, 120, .customer, nil),
        ("Daily coaching on live tickets", .daily, 30, .coaching, nil),
        ("Weekly KPI report for the general manager", .weekly, 120, .office, "General management"),
    ]

    static let managerDuties: [(String, DutyCadence, Int, DutyCategory, String?)] = [
        ("One-to-ones with leads", .weekly, 180, .coaching, nil),
        ("Monthly board report", .monthly, 600, .office, "General management"),
        ("Customer escalation calls", .daily, 60, .customer, nil),
    ]

    static let coachingTopics = [
        "de-escalation", "warm hand-offs", "setting expectations on hold", "firmware troubleshooting",
        "refund policy", "writing clear replies", "owning the callback",
    ]

    static let coachingActions = [
        "Shadow a senior colleague on two escalations", "Use the hand-off note template for a week",
        "Tell customers the expected wait before every hold", "Read the firmware 4.2 known-issues page",
    ]

    static let kudosMessages: [(KudosValue, String)] = [
        (.ownership, "Took the E3 firmware case from start to finish and called the customer back exactly when promised."),
        (.empathy, "Stayed calm and kind with a customer who had been bounced around three times before."),
        (.expertise, "Found the real cause of the blank-PDF scans in ten minutes and wrote it up for everyone."),
        (.teamwork, "Covered my queue while I was in training, and left notes on every ticket."),
        (.goingTheExtraMile, "Arranged a loaner printer so a dental practice could keep working during the repair."),
    ]

    static let customerQuotes = [
        "Finally someone who listened and fixed it. Thank you!",
        "Your colleague called back at exactly 15:00 as promised. That never happens.",
        "Best support I have had from any printer company.",
    ]

    static let learning: [(LearningTopic, String)] = [
        (.product, "Error E3 after firmware 4.2 clears with a 10-second reset plus re-seating the toner; ask for the serial first."),
        (.customer, "Customers with a deadline want a time, not a promise: say when you will call back."),
        (.technique, "Reading the customer's last three messages before replying avoids asking for things they already sent."),
        (.product, "Scan-to-email blank PDFs come from the 'mixed originals' setting; turning it off fixes it."),
    ]

    /// (title, product, theme, subject of the tickets it is raised from)
    static let insights: [(String, String, String, String)] = [
        ("Firmware 4.2 bricks LX-400 printers with error E3", "LX-400", "firmware", "Printer shows error E3 after the update"),
        ("Genuine toner flagged as non-genuine", "LX-400 toner", "supplies", "Toner cartridge not recognised"),
        ("Wi-Fi setup guide step 4 does not match the app", "Setup app", "onboarding", "Wi-Fi setup fails at step 4"),
    ]

    /// (policy, description, subject of the tickets it bit, revenue at risk per ticket)
    static let frictions: [(String, String, String, Double)] = [
        ("Warranty replacements are refurbished units only",
         "Customers with a paid two-year warranty are offered a refurbished unit; many refuse and ask for refunds.",
         "Warranty replacement for a dead unit", 349),
        ("Refund of a duplicate charge needs billing approval",
         "Agents cannot refund an obvious duplicate charge; the customer waits days for Finance.",
         "Invoice charged twice", 120),
    ]

    /// Skills agents assess themselves in: (name, kind).
    static let skills: [(String, SkillKind)] = [
        ("De-escalation", .emotional), ("Empathy", .emotional), ("Teaching", .emotional),
        ("LX-400 firmware", .product), ("Network setup", .technical), ("Billing system", .technical),
    ]
}
