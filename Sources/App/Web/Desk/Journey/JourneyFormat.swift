import Foundation

/// How the journey panels write due times, durations and form times: always in the desk's time
/// zone, with the exact time on hover and how far away it is.
enum JourneyFormat {
    /// "Mar 3, 2026 at 3:00 PM (in 2 h)" / "(3 h overdue)" / "(5 min ago)" as a `<time>` element.
    static func due(_ date: Date, now: Date, zone: TimeZone, pastWord: String = "overdue") -> Markup {
        let distance = date.timeIntervalSince(now)
        let away = Format.age(now.addingTimeInterval(-abs(distance)), now: now)
        let relative = away == "now" ? "now" : (distance > 0 ? "in \(away)" : "\(away) \(pastWord)")
        return "<time datetime=\"\(Format.iso(date))\">\(Format.absolute(date, zone: zone))</time> <span class=\"muted small\">(\(relative))</span>"
    }

    /// "4 min 05 s", "1 h 02 min", "45 s".
    static func duration(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", (s % 3600) / 60)) min"
    }

    /// A target in business minutes as people say it: "90 min", "4 h", "2 h 30 min".
    static func minutes(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    private static let formTimeFormat = "yyyy-MM-dd'T'HH:mm"

    /// Reads a `datetime-local` value ("2026-03-03T15:00") as a time in the desk's zone.
    static func formTime(_ raw: String?, zone: TimeZone) -> Date? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = formTimeFormat
        // Browsers may add seconds ("15:00:00"); they are not part of a promise's due time.
        return formatter.date(from: String(raw.prefix(16)))
    }

    /// The `datetime-local` value of a time in the desk's zone.
    static func formValue(_ date: Date, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = formTimeFormat
        return formatter.string(from: date)
    }

    /// How a promise was kept or an escalation answered, as the end of "… by ...".
    static func action(_ raw: String?) -> String {
        switch raw {
        case "outbound_call": "an outbound call"
        case "public_reply": "a public reply"
        case "marked_by_owner": "the owner marking it kept"
        case "callback_promise": "a promise to call back"
        case let other?: other.replacingOccurrences(of: "_", with: " ")
        case nil: "an unknown action"
        }
    }

    /// "callback" → "Callback", "service_contract" → "Service contract".
    static func word(_ raw: String) -> String {
        let spaced = raw.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
