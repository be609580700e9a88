/// The words of the demo desk: teams, people, companies and what customers write about.
enum DemoScript {
    static let teams = [
        ("Front Line", "First contact for every customer: orders, accounts, general questions."),
        ("Technical Support", "Printers that will not print, setup, firmware, connectivity."),
        ("Billing & Returns", "Invoices, refunds, replacements and warranty claims."),
    ]

    static let firstNames = [
        "Amara", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jonas", "Keiko", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zoë",
    ]

    static let lastNames = [
        "Okafor", "Schmidt", "Dubois", "Ivanova", "Yılmaz", "Haddad", "Pereira", "Sato", "Novak", "Berg", "Tanaka",
        "Rossi", "García", "Kowalski", "Nguyen", "Patel", "Moreau", "Lindqvist", "Costa", "Müller", "Fischer", "Kim",
    ]

    static let companyWords = [
        "Northwind", "Bluebird", "Granite", "Harbor", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchard",
        "Pioneer", "Quarry", "Redwood", "Summit", "Tidewater", "Upland", "Vantage", "Willow", "Yarrow", "Zephyr",
    ]

    static let companyKinds = ["Logistics", "Dental", "Architects", "Bakery", "Law Office", "Clinic", "Studio", "Hotels"]

    /// (subject, first message, team index, tags)
    static let requests: [(String, String, Int, [String])] = [
        ("Printer shows error E3 after the update", "Since last night's firmware update our LX-400 shows error E3 and will not print. We have a deadline today.", 1, ["printer", "firmware"]),
        ("Wi-Fi setup fails at step 4", "The setup guide says to hold the WPS button but nothing happens. Step 3 in the app never finishes.", 1, ["setup", "wifi"]),
        ("Invoice charged twice", "Our card was charged twice for invoice INV-20931. Please refund the duplicate.", 2, ["billing", "refund"]),
        ("Warranty replacement for a dead unit", "The printer died after 14 months. I bought the two-year warranty and attached the receipt. What happens now?", 2, ["warranty", "replacement"]),
        ("Where is my order?", "Order 58213 was due on Monday and the tracking page has not changed for four days.", 0, ["order", "shipping"]),
        ("Cannot sign in to the customer portal", "The password reset email never arrives. I checked spam.", 0, ["account"]),
        ("Toner cartridge not recognised", "Brand new cartridge, the printer says 'non-genuine supply'. It came from your shop.", 1, ["printer", "supplies"]),
        ("Return label request", "The replacement arrived damaged. Please send a return label.", 2, ["returns"]),
        ("Change the billing address", "We moved offices. Please update the address on future invoices.", 0, ["billing", "account"]),
        ("Paper jams every tenth page", "Tray 2 jams roughly every tenth page, tried three kinds of paper.", 1, ["printer", "hardware"]),
        ("Upgrade our service contract", "We would like to move the office to the business contract with next-day on-site repair.", 0, ["sales", "contract"]),
        ("Scanner sends empty PDFs", "Scan to email works but every PDF is blank.", 1, ["scanner"]),
    ]

    static let agentReplies = [
        "Thank you for the details. I have checked your account and I am on it.",
        "I am sorry about the trouble. Could you send a photo of the display and the serial number on the back?",
        "I have arranged this for you and will confirm by email as soon as it is done.",
        "Here is what fixed it for other customers: switch off, hold the reset button for ten seconds, switch on.",
        "I have escalated this to our specialists with everything you told me, so you will not need to repeat it.",
    ]

    static let customerReplies = [
        "Thanks, I tried that and it still does not work.",
        "Serial number is on the photo attached. Anything else you need?",
        "That worked, thank you!",
        "This is the third time I am explaining this. Can someone please call me?",
        "Any news? I have not heard back.",
    ]

    static let notes = [
        "Customer has called twice about this already; keep them informed proactively.",
        "Checked the warranty records: the receipt is attached to the first message.",
        "Likely the known firmware 4.2 issue; product team is aware.",
        "Offered a loaner unit while the repair is pending.",
    ]

    static let handoffNotes = [
        "Firmware issue, E3 persists after reset; customer has a deadline today, please call back before 15:00.",
        "Duplicate charge confirmed in the payment log; refund needs billing approval.",
        "Warranty receipt is attached to the first message; customer asked for a new unit, not a refurbished one.",
        "Tried reset and reinstall; needs someone who knows the scanner firmware.",
    ]
}
