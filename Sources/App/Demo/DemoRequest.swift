import FrontlineCore

/// One kind of thing demo customers write about, with every line of its conversation, so that a
/// reply answers what was asked and a hand-off note is about the ticket it travels with.
struct DemoRequest: Sendable {
    let subject: String
    let body: String
    /// Index into `DemoScript.teams`.
    let team: Int
    let tags: [String]
    /// The first owner's first answer: what they did or need.
    let firstReply: String
    /// The customer again, before it is solved.
    let followUp: String
    /// The context note of a hand-off, for the receiver.
    let handoffNote: String
    /// An internal note about the case.
    let note: String
    /// The answer that solves it.
    let fix: String
    /// The customer confirming the fix (sent before the ticket is marked solved).
    let thanks: String
    /// What an agent promises on this kind of ticket.
    let promise: (kind: PromiseKind, description: String)
    /// Why a lead is asked to step in, when it comes to that.
    let escalation: String
}

extension DemoScript {
    static let requests: [DemoRequest] = [
        DemoRequest(
            subject: "Printer shows error E3 after the update",
            body: "Since last night's firmware update our LX-400 shows error E3 and will not print. We have a deadline today.",
            team: 1, tags: ["printer", "firmware"],
            firstReply: "E3 after the 4.2 update is a known fault. Please switch the printer off, hold the reset button for ten seconds and switch it on again.",
            followUp: "We did the reset twice; E3 is back after the first page.",
            handoffNote: "LX-400 shows E3 since firmware 4.2; reset done twice, no change. Customer has a print deadline today.",
            note: "Matches the firmware 4.2 fault the product team is tracking; the 4.2.1 rollback fixes it.",
            fix: "I have pushed firmware 4.2.1 to your printer remotely; E3 should be gone after the restart it does now.",
            thanks: "It printed the whole batch. Thank you!",
            promise: (.callback, "Call back once the firmware rollback is ready"),
            escalation: "Deadline today and the standard fix failed twice; needs a firmware specialist now."),
        DemoRequest(
            subject: "Wi-Fi setup fails at step 4",
            body: "The setup guide says to hold the WPS button but nothing happens. Step 3 in the app never finishes.",
            team: 1, tags: ["setup", "wifi"],
            firstReply: "WPS only works on 2.4 GHz. Could you check whether your router offers a 2.4 GHz network and try the app's manual setup instead?",
            followUp: "The manual setup finds the network but says the password is wrong, and it is not.",
            handoffNote: "Wi-Fi setup: WPS and manual setup both fail on the customer's 2.4 GHz network; password confirmed correct.",
            note: "Router is a mesh system; these often hide the 2.4 GHz band behind band steering.",
            fix: "Please turn off band steering in your router's app for ten minutes and run the manual setup again; the printer then sees the 2.4 GHz network.",
            thanks: "That did it, the printer is on the network now. Thanks!",
            promise: (.update, "Confirm which mesh routers need band steering turned off"),
            escalation: "Customer has tried setup for two days; needs someone who knows mesh routers."),
        DemoRequest(
            subject: "Invoice charged twice",
            body: "Our card was charged twice for invoice INV-20931. Please refund the duplicate.",
            team: 2, tags: ["billing", "refund"],
            firstReply: "I can see two payments for INV-20931 in our records. I am raising the refund of the duplicate now.",
            followUp: "The second charge is still on our statement. When will the refund arrive?",
            handoffNote: "Duplicate charge for INV-20931 confirmed in the payment log; refund needs billing approval.",
            note: "Payment provider retried after a timeout; both captures went through.",
            fix: "The refund of the duplicate charge has been approved and sent; your bank shows it within three to five working days.",
            thanks: "The refund is on our statement. Thank you for sorting it out.",
            promise: (.refund, "Refund the duplicate payment for INV-20931"),
            escalation: "Refund promised last week and not sent; customer is losing patience."),
        DemoRequest(
            subject: "Warranty replacement for a dead unit",
            body: "The printer died after 14 months. I bought the two-year warranty and attached the receipt. What happens now?",
            team: 2, tags: ["warranty", "replacement"],
            firstReply: "Your two-year warranty is on record with the receipt you sent, so the replacement is covered. I am arranging a new unit.",
            followUp: "Has the replacement been shipped yet?",
            handoffNote: "Warranty is on record with the receipt; customer asked for a new unit, not a refurbished one.",
            note: "Warranty checked: covered until next year, receipt in the customer's documents.",
            fix: "Your new printer is on its way; the courier collects the old one when it delivers.",
            thanks: "The new printer arrived and works. Thank you!",
            promise: (.replacement, "Ship a new (not refurbished) replacement unit"),
            escalation: "Covered warranty replacement stuck for days; needs a lead to release stock."),
        DemoRequest(
            subject: "Where is my order?",
            body: "Order 58213 was due on Monday and the tracking page has not changed for four days.",
            team: 0, tags: ["order", "shipping"],
            firstReply: "I have asked the courier about order 58213 and will tell you as soon as they answer.",
            followUp: "Still nothing on the tracking page. Do you know where it is?",
            handoffNote: "Order 58213 stuck at the courier's hub for four days; courier claim opened, customer needs it this week.",
            note: "Courier confirms a mis-sort at the hub; parcel is being re-routed.",
            fix: "The courier found the parcel; it is out for delivery tomorrow morning. The new tracking link is on its way by email.",
            thanks: "It arrived this morning. Thanks for chasing it.",
            promise: (.update, "Tell the customer what the courier says about order 58213"),
            escalation: "Order lost for a week; customer needs it for an opening on Friday."),
        DemoRequest(
            subject: "Cannot sign in to the customer portal",
            body: "The password reset email never arrives. I checked spam.",
            team: 0, tags: ["account"],
            firstReply: "I can see the reset mails were blocked by your mail server. I have sent you a one-time sign-in link from our main address instead.",
            followUp: "The link says it has expired.",
            handoffNote: "Portal sign-in: reset mails blocked by the customer's mail server; one-time link expired before use.",
            note: "Their mail filter quarantines our notification domain; IT contact is in the organization notes.",
            fix: "I have sent a fresh link that stays valid for an hour, and asked your IT team to allow our notification address.",
            thanks: "I am in. Thank you.",
            promise: (.update, "Confirm once the customer's IT has allowed our address"),
            escalation: "Customer locked out for days; account admin needs to check the mail filter with their IT."),
        DemoRequest(
            subject: "Toner cartridge not recognised",
            body: "Brand new cartridge, the printer says 'non-genuine supply'. It came from your shop.",
            team: 1, tags: ["printer", "supplies"],
            firstReply: "Please send a photo of the cartridge label with its batch number; some batches need a firmware update to be recognised.",
            followUp: "Photo attached. The printer still refuses it.",
            handoffNote: "Genuine cartridge (batch on the photo) rejected as non-genuine; firmware update did not help.",
            note: "Batch 24-117 has a faulty chip; replacements are free.",
            fix: "Your batch has a faulty chip. A free replacement cartridge ships today, and you can keep the old one.",
            thanks: "The new cartridge works. Thanks!",
            promise: (.replacement, "Send a replacement cartridge from a good batch"),
            escalation: "Shop-bought cartridge rejected; customer cannot print at all."),
        DemoRequest(
            subject: "Return label request",
            body: "The replacement arrived damaged. Please send a return label.",
            team: 2, tags: ["returns"],
            firstReply: "I am sorry it arrived damaged. The prepaid return label is attached; the courier can also bring one.",
            followUp: "The label does not scan at the drop-off point.",
            handoffNote: "Damaged replacement: return label issued but it does not scan; customer needs a courier pickup.",
            note: "Label printed from the old carrier account; needs a label from the current one.",
            fix: "I have booked a courier pickup for tomorrow between 9 and 12; they bring the label with them.",
            thanks: "The courier picked it up. Thank you.",
            promise: (.other, "Book a courier pickup for the damaged unit"),
            escalation: "Second replacement problem in a row; customer wants a lead to call."),
        DemoRequest(
            subject: "Change the billing address",
            body: "We moved offices. Please update the address on future invoices.",
            team: 0, tags: ["billing", "account"],
            firstReply: "Thanks for letting us know. Could you confirm the new address and whether the VAT number stays the same?",
            followUp: "New address is in the signature below; VAT number unchanged.",
            handoffNote: "New billing address confirmed by the customer (see their last message); VAT unchanged, finance must change the master record.",
            note: "Finance changes master data on Tuesdays and Thursdays.",
            fix: "The new address is on your account; the next invoice goes there.",
            thanks: "Perfect, thank you.",
            promise: (.update, "Confirm once finance has changed the address"),
            escalation: "Two invoices already went to the old address; needs finance today."),
        DemoRequest(
            subject: "Paper jams every tenth page",
            body: "Tray 2 jams roughly every tenth page, tried three kinds of paper.",
            team: 1, tags: ["printer", "hardware"],
            firstReply: "That sounds like a worn pick-up roller in tray 2. Could you send the serial number from the back of the printer?",
            followUp: "Serial number is on the photo attached. It jammed again this morning.",
            handoffNote: "Tray 2 jams every ~10 pages on three paper types; worn pick-up roller likely; serial on the photo, in warranty.",
            note: "Roller kit RK-200 fits this serial range.",
            fix: "A technician replaced the pick-up roller this morning; tray 2 printed 500 pages without a jam.",
            thanks: "No jams since the visit. Thank you!",
            promise: (.callback, "Call to book the technician's visit"),
            escalation: "Office cannot print for days; needs an on-site visit booked."),
        DemoRequest(
            subject: "Upgrade our service contract",
            body: "We would like to move the office to the business contract with next-day on-site repair.",
            team: 0, tags: ["sales", "contract"],
            firstReply: "Happy to. The business contract covers all 12 of your devices; I am preparing the offer.",
            followUp: "Any news on the offer?",
            handoffNote: "Customer wants the business contract (next-day on-site) for 12 devices; offer needs a price approval.",
            note: "They have had three repair tickets this year; the contract pays for itself for them.",
            fix: "Your business contract is active from the first of next month; the confirmation is attached.",
            thanks: "Great, thank you for the quick offer.",
            promise: (.update, "Send the business contract offer"),
            escalation: "Offer promised and not sent; customer is comparing with another vendor."),
        DemoRequest(
            subject: "Scanner sends empty PDFs",
            body: "Scan to email works but every PDF is blank.",
            team: 1, tags: ["scanner"],
            firstReply: "Could you scan one page to a USB stick? That tells us whether the scanner or the email step loses the image.",
            followUp: "The PDF on the USB stick is blank too.",
            handoffNote: "Scanner produces blank PDFs even to USB, so it is the scan unit, not email; needs scanner firmware knowledge.",
            note: "Blank scans with firmware 3.9 are fixed by recalibrating the scan head.",
            fix: "Please run 'Calibrate scanner' from the maintenance menu; it resets the scan head and your PDFs will have content again.",
            thanks: "Scans are back to normal. Thanks!",
            promise: (.callback, "Call to walk the customer through the calibration"),
            escalation: "Scanner broken for the whole office; standard steps exhausted."),
    ]
}
